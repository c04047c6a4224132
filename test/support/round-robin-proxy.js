// A load balancer of the tests' and the bench's own: plain JavaScript so that both the Jest
// suites (TypeScript) and `npm run bench` load it. Round robin over the backends, one request at a
// time; X-Forwarded-For names the client, as Caddy does in docker-compose.yml.
import { createServer, request as httpRequest, Agent } from 'node:http';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {object} RoundRobinProxy
 * @property {number} port
 * @property {string} baseUrl
 * @property {number[]} served requests sent to each backend, in the order of `backends`
 * @property {() => Promise<void>} close
 */

/**
 * Starts the balancer on a loopback port (a free one unless given).
 * @param {string[]} backends base URLs, e.g. http://127.0.0.1:3001
 * @param {number} [port]
 * @returns {Promise<RoundRobinProxy>}
 */
export async function startRoundRobinProxy(backends, port = 0) {
  const targets = backends.map((backend) => new URL(backend));
  const served = targets.map(() => 0);
  // Kept-alive connections to the backends, as a real proxy keeps them.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const index = next;
    next = (next + 1) % targets.length;
    served[index] += 1;
    const target = targets[index];
    const client = incoming.socket.remoteAddress ?? '';
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        agent,
        headers: {
          ...incoming.headers,
          // This proxy trusts no one before it: the client is the socket's address.
          'x-forwarded-for': client,
          'x-forwarded-proto': 'http',
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`Bad gateway: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : 0;
  return {
    port: listening,
    baseUrl: `http://127.0.0.1:${listening}`,
    served,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// As a process of its own (the bench: the balancer must not share the load generator's thread):
// BACKENDS=http://127.0.0.1:3001,http://127.0.0.1:3002 PORT=4000 node test/support/round-robin-proxy.js
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const backends = (process.env.BACKENDS ?? '').split(',').filter(Boolean);
  if (backends.length === 0) throw new Error('BACKENDS names no backend');
  const proxy = await startRoundRobinProxy(backends, Number(process.env.PORT ?? 0));
  process.once('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
}
