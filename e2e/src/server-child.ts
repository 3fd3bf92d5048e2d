/**
 * The server under test, in its own process (forked by server.ts): its logs go to a file instead of the
 * test output, and it cannot block the browser driver's event loop. Reports its address over IPC.
 */
import { parseConfig, startServer } from '@redress/server';

export type ServerReady = {
  type: 'ready';
  url: string;
  /** The administrator's one-time link when the data directory was empty. */
  adminLink: string | null;
};

const send = (message: ServerReady | { type: 'failed'; error: string }) =>
  new Promise<void>((resolve) => {
    if (!process.send) resolve();
    else process.send(message, () => resolve());
  });

try {
  const server = await startServer(parseConfig(process.env));
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent went away (crashed or killed): do not outlive it.
  process.on('disconnect', stop);
  const adminLink = server.bootstrap.created ? server.bootstrap.signInLink.url : null;
  await send({ type: 'ready', url: server.url, adminLink });
} catch (error) {
  console.error(error);
  await send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
