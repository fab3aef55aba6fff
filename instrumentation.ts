// Runs once per server process before it takes requests: validate the environment and bring
// the database schema up to date, or stop with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/startup');
  await startServer();
}
