// The shell's message texts are a lazy chunk, printed a moment after the first report (see src/internal/warn.ts,
// and the lazy case in warn.test.ts). The unit tests check what is printed right after a call: they load the
// texts first.
import { loadMessages } from '../../src/internal/warn.js';

await loadMessages();
