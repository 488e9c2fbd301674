// The server's JSON API (src/serve/api.ts): same-origin fetches only.

/**
 * @typedef {{ field: string, value: unknown, allowed: string, message: string }} ApiError
 * @typedef {{ ok: true, body: any } | { ok: false, status: number, error: ApiError }} Reply
 */

/**
 * @param {Response} res
 * @returns {Promise<Reply>}
 */
async function reply(res) {
  const body = await res.json();
  return res.ok ? { ok: true, body } : { ok: false, status: res.status, error: /** @type {ApiError} */ (body) };
}

/** @param {string} path @returns {Promise<Reply>} */
export async function get(path) {
  return reply(await fetch(path, { headers: { accept: 'application/json' } }));
}

/**
 * @param {string} path
 * @param {object} body
 * @param {AbortSignal} [signal]
 * @returns {Promise<Reply>}
 */
export async function post(path, body, signal) {
  return reply(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal }));
}

/** Whether an error is a fetch we aborted ourselves (a newer input replaced it). @param {unknown} err */
export function isAbort(err) {
  return err instanceof DOMException && err.name === 'AbortError';
}
