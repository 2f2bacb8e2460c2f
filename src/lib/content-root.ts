// The content folder the site builds from: ./content, or STORYLINE_CONTENT for
// benchmarks and tests that build a generated corpus without touching the real one.
export function contentRoot(): string {
  return process.env.STORYLINE_CONTENT ?? './content';
}
