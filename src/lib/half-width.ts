// Full-width digits and Latin letters (８８８９８台, ＳＵ７) read as ASCII on the site; Chinese
// punctuation stays full-width, as Chinese text writes it.
export function halfWidthAlnum(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
