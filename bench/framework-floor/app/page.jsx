// Rendered per request, as every page of the app is; no client component.
export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Framework floor</h1>
      <p>Only what Next.js and React send to every page.</p>
    </main>
  );
}
