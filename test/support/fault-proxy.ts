import net from 'node:net';

export type Mode = 'forward' | 'refuse' | 'blackhole';

/**
 * A TCP proxy between the app and PostgreSQL that can lose the database the two ways networks do:
 * `refuse` (nothing listens: new connections get ECONNREFUSED, open ones a reset, as when
 * PostgreSQL is stopped) and `blackhole` (connections are accepted and nothing ever comes back, as
 * when a firewall or a dead host drops packets). Connections that were blackholed stay silent even
 * after `forward` returns: the app has to give up on them by itself.
 */
export class FaultProxy {
  private server: net.Server | undefined;
  private mode: Mode = 'forward';
  private readonly open = new Set<net.Socket>();
  port = 0;

  constructor(private readonly upstream: { host: string; port: number }) {}

  async start(): Promise<void> {
    await this.listen();
  }

  async set(mode: Mode): Promise<void> {
    this.mode = mode;
    if (mode === 'refuse') {
      for (const socket of this.open) socket.resetAndDestroy();
      this.open.clear();
      await this.close();
    } else {
      if (mode === 'blackhole') for (const socket of this.open) this.silence(socket);
      if (!this.server) await this.listen();
    }
  }

  /** The connections open now go silent; new ones are forwarded (a firewall or NAT that forgot them). */
  silenceOpen(): void {
    for (const socket of this.open) this.silence(socket);
  }

  async stop(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
    await this.close();
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private accept(client: net.Socket) {
    this.open.add(client);
    client.on('close', () => this.open.delete(client));
    client.on('error', () => {});
    if (this.mode === 'blackhole') {
      this.silence(client);
      return;
    }
    const upstream = net.connect(this.upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    (client as net.Socket & { upstream?: net.Socket }).upstream = upstream;
  }

  /** Reads and drops whatever the app sends, answers nothing, never closes. */
  private silence(client: net.Socket) {
    const upstream = (client as net.Socket & { upstream?: net.Socket }).upstream;
    if (upstream) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      upstream.pause();
    }
    client.removeAllListeners('data');
    client.on('data', () => {});
    client.on('error', () => {});
    client.resume();
  }
}
