export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startupOrExit } = await import("./lib/startup");
  await startupOrExit();
}
