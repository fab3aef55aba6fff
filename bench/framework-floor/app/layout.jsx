// The framework floor (bench/lib/framework-floor.ts): one page of Next.js and React with no code of
// ours, so that a Lighthouse run says what the stack alone costs on the machine at that minute.
export const metadata = { title: 'Framework floor' };

export default function RootLayout({ children }) {
  return (
    <html lang="de">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '1rem' }}>{children}</body>
    </html>
  );
}
