/**
 * A named point inside a multi-step write where the kill -9 tests stop a process, so the kill
 * lands exactly between two steps. Only a test's child process installs the hook; in the app
 * nothing does, and the call is one property read.
 */
export type CrashPointHook = (name: string, detail?: Record<string, string>) => Promise<void> | void;

const store = globalThis as unknown as { __coopCrashPoint?: CrashPointHook };

export async function crashPoint(name: string, detail?: Record<string, string>): Promise<void> {
  if (store.__coopCrashPoint) await store.__coopCrashPoint(name, detail);
}

/** For test children only. */
export function setCrashPointHook(hook: CrashPointHook | undefined): void {
  store.__coopCrashPoint = hook;
}
