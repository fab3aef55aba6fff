import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

// The support page's Markdown as React elements. Text is only ever a React text child, which
// React escapes; hrefs come from safeHref() alone. No dangerouslySetInnerHTML anywhere.

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} rel={node.href.startsWith('https:') ? 'noreferrer' : undefined} className="underline underline-offset-4">
            {inline(node.children)}
          </a>
        );
    }
  });
}

// The page has its own h1, so "#" is a second-level heading.
const HEADINGS = { 1: 'h2', 2: 'h3', 3: 'h4' } as const;

function block(node: Block, i: number): ReactNode {
  switch (node.kind) {
    case 'heading': {
      const Tag = HEADINGS[node.level];
      return <Tag key={i}>{inline(node.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{inline(node.children)}</p>;
    case 'list': {
      const Tag = node.ordered ? 'ol' : 'ul';
      return <Tag key={i}>{node.items.map((item, j) => <li key={j}>{inline(item)}</li>)}</Tag>;
    }
    case 'rule':
      return <hr key={i} />;
  }
}

/** Markdown (the safe subset of ./markdown.ts) as elements, inside a wrapper that styles them. */
export function MarkdownView({ source, className = '' }: { source: string; className?: string }) {
  return <div className={`markdown ${className}`}>{parseMarkdown(source).map(block)}</div>;
}
