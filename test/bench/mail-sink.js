// The local mail server of the benchmark's e-mail scenario, started by the runner as a child
// process: SMTP on 127.0.0.1:SMTP_PORT accepting everything (the message read, not kept), and
// HTTP on 127.0.0.1:PORT answering /health and /count (messages accepted, distinct Message-IDs).
import http from 'node:http';
import { SMTPServer } from 'smtp-server';

let accepted = 0;
const messageIds = new Set();

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (/** @type {Buffer} */ chunk) => {
      if (head.length < 4096) head += chunk.toString('utf8');
    });
    stream.on('end', () => {
      accepted += 1;
      const id = /^message-id:\s*(\S+)/im.exec(head)?.[1];
      if (id) messageIds.add(id);
      callback();
    });
  },
});
smtp.listen(Number(process.env.SMTP_PORT), '127.0.0.1');

http
  .createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify(request.url === '/count' ? { accepted, distinct: messageIds.size } : { status: 'ok' }),
    );
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

process.once('SIGTERM', () => {
  smtp.close(() => process.exit(0));
});
