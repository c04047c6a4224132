// The pages against their JSON API twins on the same portal and data: the programme search page
// (anonymous) and the advisors' review queue page (signed in with the session cookie), each
// measured in alternating rounds with the API list it renders. And what a page weighs over the
// wire: the HTML with its stylesheet and script, as a browser asking for gzip receives them.
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { SESSION_COOKIE_NAME } from './tokens.js';

/** Pages rendered in the default page size (20), as their twins are asked. */
const PAGE_LIMIT = 20;

/**
 * The page scenarios and the twin each is compared with.
 * @param {string} sessionToken the advisor's signed session (the cookie holds what a bearer token holds)
 */
export function pageScenarios(sessionToken) {
  const cookie = { cookie: `${SESSION_COOKIE_NAME}=${sessionToken}` };
  const bearer = { authorization: `Bearer ${sessionToken}` };
  return [
    {
      page: {
        name: 'page-programmes',
        label: 'GET /en/programmes (page, anonymous)',
        path: '/en/programmes',
      },
      twin: {
        name: 'twin-programmes',
        label: `twin: GET /api/programmes?limit=${PAGE_LIMIT} on the portal`,
        path: `/api/programmes?limit=${PAGE_LIMIT}`,
      },
    },
    {
      page: {
        name: 'page-queue',
        label: 'GET /en/review?status=submitted (page, advisor)',
        path: `/en/review?status=submitted&limit=${PAGE_LIMIT}`,
        headers: cookie,
      },
      twin: {
        name: 'twin-queue',
        label: `twin: GET /api/applications?status=submitted&limit=${PAGE_LIMIT} on the portal`,
        path: `/api/applications?status=submitted&limit=${PAGE_LIMIT}`,
        headers: bearer,
      },
    },
  ];
}

/**
 * Bytes over the wire of each page with the stylesheets and scripts it links (gzip asked for,
 * as browsers do), after checking the page was really rendered (a 200 listing a full first page).
 * @param {string} baseUrl
 * @param {ReturnType<typeof pageScenarios>} scenarios
 */
export async function pageWeights(baseUrl, scenarios) {
  /** @type {Array<{ name: string, path: string, htmlBytes: number, assets: Record<string, number>, totalBytes: number, totalKiB: number }>} */
  const weights = [];
  for (const { page } of scenarios) {
    const html = await download(`${baseUrl}${page.path}`, page.headers);
    if (html.status !== 200) throw new Error(`${page.path} answered ${html.status}`);
    const text = html.body.toString('utf8');
    // The page really lists what its twin lists: one card per item of the first page.
    const cards = text.match(/<li class="card[ "]/g)?.length ?? 0;
    if (cards !== PAGE_LIMIT) throw new Error(`${page.path} shows ${cards} results, not ${PAGE_LIMIT}`);
    const linked = [
      ...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
      ...text.matchAll(/<script[^>]+src="([^"]+)"/g),
    ].map((match) => match[1]);
    /** @type {Record<string, number>} */
    const assets = {};
    for (const asset of new Set(linked)) {
      const response = await download(new URL(asset, baseUrl).toString());
      if (response.status !== 200) throw new Error(`${asset} answered ${response.status}`);
      assets[asset] = response.wireBytes;
    }
    const totalBytes = html.wireBytes + Object.values(assets).reduce((sum, bytes) => sum + bytes, 0);
    weights.push({
      name: page.name,
      path: page.path,
      htmlBytes: html.wireBytes,
      assets,
      totalBytes,
      totalKiB: Math.round((totalBytes / 1024) * 10) / 10,
    });
  }
  return weights;
}

/**
 * One GET asking for gzip: the bytes received (compressed when the server compressed) and the body.
 * @param {string} url
 * @param {Record<string, string>} [headers]
 */
function download(url, headers = {}) {
  // Node's fetch decompresses without saying how much travelled: a plain http request keeps the bytes.
  return /** @type {Promise<{ status: number, wireBytes: number, body: Buffer }>} */ (
    new Promise((resolve, reject) => {
      const outgoing = request(url, { headers: { 'accept-encoding': 'gzip', ...headers } }, (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          resolve({ status: response.statusCode ?? 0, wireBytes: raw.length, body });
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end();
    })
  );
}
