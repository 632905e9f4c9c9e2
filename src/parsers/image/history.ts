/** A build step as recorded in an image's history (`created_by`). */
export interface HistoryStep {
  /** Upper-case Dockerfile instruction: RUN, ADD, COPY, ENV, … ('RUN' for plain shell commands). */
  instruction: string;
  /** The instruction's arguments (for RUN: the shell command). */
  text: string;
}

const INSTRUCTION = /^(RUN|ADD|COPY|ENV|ARG|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|WORKDIR|VOLUME|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|MAINTAINER)\b\s*(.*)$/s;

/**
 * Reads a `created_by` string in its usual spellings: the classic builder's
 * `/bin/sh -c #(nop) ADD …` and `/bin/sh -c apt-get …`, BuildKit's `RUN /bin/sh -c … # buildkit`,
 * and plain commands written by other tools.
 */
export function historyStep(createdBy: string): HistoryStep {
  let s = createdBy.trim().replace(/\s*#\s*buildkit\s*$/, '');
  const shell = /^\/bin\/(?:ba)?sh\s+-c\s+/;
  if (shell.test(s)) {
    s = s.replace(shell, '');
    const nop = /^#\(nop\)\s*(.*)$/s.exec(s);
    if (nop) {
      const m = INSTRUCTION.exec(nop[1]!.trim());
      return m ? { instruction: m[1]!, text: m[2]!.trim() } : { instruction: 'NOP', text: nop[1]!.trim() };
    }
    return { instruction: 'RUN', text: s };
  }
  const m = INSTRUCTION.exec(s);
  if (m) {
    let text = m[2]!.trim();
    if (m[1] === 'RUN') {
      // BuildKit records build args as `|N A=1 B=2 ` before the command.
      text = text.replace(/^\|\d+\s+(?:\S+=\S*\s+)*/, '').replace(shell, '');
    }
    return { instruction: m[1]!, text };
  }
  return { instruction: 'RUN', text: s };
}

/** Splits a shell command into simple commands (on `&&`, `||`, `;`, `|`, newlines), each as words. */
export function shellCommands(text: string): string[][] {
  return text
    .replace(/\\\n/g, ' ')
    .split(/&&|\|\||;|\||\n/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
}

/** Drops leading `sudo`, `env X=1`, variable assignments, so `words[0]` is the program. */
export function programOf(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (words[i] === 'sudo' || words[i] === 'env' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!) || words[i] === '(' || words[i] === '{' || words[i] === 'then' || words[i] === 'do')) i++;
  return words.slice(i);
}

export function isAptGet(words: string[], sub: string): boolean {
  const w = programOf(words);
  return (w[0] === 'apt-get' || w[0] === 'apt') && w.slice(1).some((x) => x === sub);
}

export function isApk(words: string[], sub: string): boolean {
  const w = programOf(words);
  return w[0] === 'apk' && w.slice(1).some((x) => x === sub);
}
