import { htmlToParagraphs } from './pipeline/sanitize.ts';
try { console.log(htmlToParagraphs('<p>a</p><math><mtext><p>b</p></mtext></math><xmp><b>c</b></xmp><svg><text>d</text><style>x{}</style></svg>')); } catch (e) { console.log(e); }
