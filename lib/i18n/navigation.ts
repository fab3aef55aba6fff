import { createElement, type ComponentProps } from 'react';
import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

const navigation = createNavigation(routing);
export const { redirect, usePathname, useRouter, getPathname } = navigation;

/**
 * next-intl's Link without prefetching. Every page here is rendered per request and none has a
 * loading.js, so a prefetch fetches only the layouts' tree: nothing that makes the click faster.
 * It still cost the phone: on /de, six background requests for the three links in view, each
 * answer processed on the main thread while the page starts (issue 21: blocking time 898 → 589 ms,
 * Lighthouse medians), and the server a render each. A link still opens client-side on click.
 */
export function Link(props: ComponentProps<typeof navigation.Link>) {
  return createElement(navigation.Link, { prefetch: false, ...props });
}
