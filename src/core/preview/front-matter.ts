// A block rule that takes a leading `---` front matter out of the rendered text, as VS Code's preview does; for
// renders outside VS Code (the export, tests). Its lines still count, so line maps and offsets stay those of the file.
// A byte order mark before the first `---` (a file saved by some Windows editors) is allowed and hidden with it.
import type MarkdownIt from 'markdown-it';

export function hideFrontMatter(md: MarkdownIt): MarkdownIt {
  md.block.ruler.before(
    'hr',
    'kamerstuk_front_matter',
    (state, startLine, endLine, silent) => {
      if (startLine !== 0 || state.sCount[0] !== 0) return false;
      const lineText = (n: number) => state.src.slice(state.bMarks[n] + state.tShift[n], state.eMarks[n]);
      if (
        lineText(0)
          .replace(/^\uFEFF/, '')
          .trimEnd() !== '---'
      )
        return false;
      for (let line = 1; line < endLine; line++) {
        if (!['---', '...'].includes(lineText(line).trimEnd())) continue;
        if (silent) return true;
        const token = state.push('kamerstuk_front_matter', '', 0);
        token.hidden = true;
        token.map = [0, line + 1];
        state.line = line + 1;
        return true;
      }
      return false;
    },
    { alt: [] },
  );
  md.renderer.rules.kamerstuk_front_matter = () => '';
  return md;
}
