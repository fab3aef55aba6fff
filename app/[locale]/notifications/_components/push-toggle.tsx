'use client';

import { useEffect, useState } from 'react';

type State = 'checking' | 'unsupported' | 'denied' | 'off' | 'on' | 'working' | 'failed';

export interface PushTexts {
  turnOn: string;
  turnOff: string;
  isOn: string;
  isOff: string;
  unsupported: string;
  denied: string;
  failed: string;
  working: string;
}

async function call(body: object): Promise<{ subscribed: boolean } | null> {
  const res = await fetch('/api/push/subscription', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.ok ? ((await res.json()) as { subscribed: boolean }) : null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** On when this browser has a subscription and the server knows it as hers. */
async function currentState(): Promise<State> {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  try {
    const sub = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
    return sub && (await call({ action: 'status', endpoint: sub.endpoint }))?.subscribed ? 'on' : 'off';
  } catch {
    return 'off';
  }
}

/**
 * Push on this device, on or off. The browser subscribes at its push service with our VAPID key;
 * the server keeps the subscription sealed. On iPhones this exists only in the app opened from
 * the home screen (iOS 16.4+): elsewhere it says so.
 */
export function PushToggle({ publicKey, texts }: { publicKey: string; texts: PushTexts }) {
  const [state, setState] = useState<State>('checking');

  useEffect(() => {
    void currentState().then(setState);
  }, []);

  async function turnOn() {
    setState('working');
    try {
      if ((await Notification.requestPermission()) !== 'granted') return setState(Notification.permission === 'denied' ? 'denied' : 'off');
      const reg = await navigator.serviceWorker.ready;
      // A subscription made with an older key cannot be reused: start afresh.
      await (await reg.pushManager.getSubscription())?.unsubscribe();
      const sub = (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) })).toJSON();
      const saved = await call({ action: 'subscribe', subscription: { endpoint: sub.endpoint, expirationTime: sub.expirationTime ?? null, keys: sub.keys } });
      setState(saved ? 'on' : 'failed');
    } catch {
      setState('failed');
    }
  }

  async function turnOff() {
    setState('working');
    try {
      const sub = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
      if (sub) {
        await call({ action: 'unsubscribe', endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setState('off');
    } catch {
      setState('failed');
    }
  }

  const say = { checking: texts.working, working: texts.working, unsupported: texts.unsupported, denied: texts.denied, on: texts.isOn, off: texts.isOff, failed: texts.failed }[state];
  const button = state === 'on' ? [texts.turnOff, turnOff] : state === 'off' || state === 'failed' ? [texts.turnOn, turnOn] : null;
  return (
    <div className="space-y-2">
      <p role="status" aria-live="polite" className={state === 'on' ? 'font-semibold' : ''}>{say}</p>
      {button && (
        <button type="button" onClick={button[1] as () => void} className="min-h-11 rounded-md bg-violet-800 px-4 py-2 font-medium text-white hover:bg-violet-900">
          {button[0] as string}
        </button>
      )}
    </div>
  );
}
