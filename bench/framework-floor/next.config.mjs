// Built with webpack: Turbopack takes the repository as its root and would bundle the app's own
// instrumentation.ts into this page's server. The browser gets the same framework either way
// (first-load JS 130.2 KB here, 129.1 KB for the app's Turbopack-built 404 page).
const config = { poweredByHeader: false };
export default config;
