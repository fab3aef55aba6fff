import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { LAYOUT_NAMESPACES, pickMessages, type ClientNamespace } from '@/lib/i18n/client-messages';

/**
 * The messages this page's client components translate with, beside the layout's: wrap the page's
 * content in it. A provider inside the layout's replaces its messages for what it wraps, so it
 * sends the layout's namespaces again (they are small: Common and Unavailable). Navigating to
 * another page brings that page's own provider with it.
 */
export async function PageMessages({ namespaces, children }: { namespaces: readonly ClientNamespace[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...LAYOUT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
