import { connect } from 'node:tls';
import { createTransport } from 'nodemailer';
import { waitUntil } from '../polling/wait-until';
import { BlackholeServer, startBlackholeServer } from './blackhole-server';

describe('startBlackholeServer', () => {
  let server: BlackholeServer;

  beforeEach(async () => {
    server = await startBlackholeServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('accepts the connection but never greets, so the client times out waiting', async () => {
    const client = createTransport({
      host: server.host,
      port: server.port,
      secure: false,
      greetingTimeout: 200,
      connectionTimeout: 2000,
    });
    await expect(
      client.sendMail({ from: 'a@mailroute.test', to: 'b@example.test', text: 'x' }),
    ).rejects.toMatchObject({
      code: 'ETIMEDOUT',
      message: expect.stringContaining('Greeting never received'),
    });
    expect(server.totalConnections()).toBe(1);
    await waitUntil(() => server.activeConnections() === 0, { description: 'the client to hang up' });
  });

  it('notices a client that hangs up after speaking first, as TLS clients do', async () => {
    const client = connect({ host: server.host, port: server.port, rejectUnauthorized: false });
    client.on('error', () => undefined);
    await waitUntil(() => server.activeConnections() === 1, { description: 'the client to connect' });

    client.destroy();

    await waitUntil(() => server.activeConnections() === 0, { description: 'the client to hang up' });
  });

  it('closes connections a client keeps open', async () => {
    const client = createTransport({
      host: server.host,
      port: server.port,
      secure: false,
      greetingTimeout: 10_000,
    });
    const sending = client.sendMail({ from: 'a@mailroute.test', to: 'b@example.test', text: 'x' });
    await waitUntil(() => server.activeConnections() === 1, { description: 'the client to connect' });

    await server.close();

    expect(server.activeConnections()).toBe(0);
    await expect(sending).rejects.toMatchObject({ code: 'ECONNECTION' });
  });
});
