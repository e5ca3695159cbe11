import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends one HTTP/1.1 request written by hand (duplicate headers, any Host, chunked bodies: what
 * `fetch` will not send) and reads the answer until the server closes the connection.
 */
export function rawRequest(
  origin: string,
  head: string,
  body: readonly (string | Buffer)[] = [],
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close early (a refused oversize body): what arrived is the answer.
      if (chunks.length > 0 && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return;
      reject(error);
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [rawHead = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = rawHead.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: rest.join('\r\n\r\n'),
      });
    });
    socket.write(`${head.replace(/\r?\n/g, '\r\n').trimEnd()}\r\nConnection: close\r\n\r\n`);
    const write = async () => {
      for (const part of body) {
        if (socket.destroyed) return;
        if (!socket.write(part)) await new Promise((done) => socket.once('drain', done));
      }
    };
    void write().catch(() => undefined);
  });
}
