export { findStage, MAX_INSTRUCTIONS, parseDockerfile, stageLabel, stageRefs, stagesFeeding } from './parse.js';
export type { DockerfileParseResult } from './parse.js';
export { expandRaw } from './lexer.js';
export type { DockerfileDocument, EnvPair, Flag, Heredoc, Instruction, ParseError, Segment, Stage, Word } from './types.js';
export { imageRef, type ImageRef } from './image-ref.js';
