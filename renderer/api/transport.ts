import type { ChannelName, Envelope } from '../../shared/contract';

/**
 * How the renderer reaches the main side. In Electron the preload exposes one named function per channel
 * on `window.dgw`; in a browser (the web host) the same channels are HTTP routes on 127.0.0.1 guarded by a
 * per-run token that the host writes into index.html as <meta name="dgw-token">.
 */
export type Bridge = { [C in ChannelName]: (input: unknown) => Promise<Envelope<unknown>> };

declare global {
  interface Window {
    dgw?: Bridge;
  }
}

function webToken(): string {
  return document.querySelector('meta[name="dgw-token"]')?.getAttribute('content') ?? '';
}

export async function send(channel: ChannelName, input: unknown): Promise<Envelope<unknown>> {
  if (window.dgw) return window.dgw[channel](input);
  let res: Response;
  try {
    res = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-DGW-Token': webToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, code: 'INTERNAL', message: '无法连接本机服务，请确认大工委工作台仍在运行' };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    // The host answers every request with the envelope; anything else (a proxy, a cut-off answer) is said in words.
    return { ok: false, code: 'INTERNAL', message: `本机服务的回答无法识别（HTTP ${res.status}），操作可能没有完成` };
  }
}
