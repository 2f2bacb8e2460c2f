// The site icon, served as a static file from the build (no public/ folder needed).
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="#b3261e"/><path d="M9.5 11h13M9.5 16h9M9.5 21h13" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>`;

export function GET(): Response {
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
}
