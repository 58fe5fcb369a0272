// Runs mfr (argv: file for the figure, mfr's bin, its arguments) and writes its peak RSS in KB.
const { writeFileSync } = require('node:fs');
const [, , out, bin, ...args] = process.argv;
process.argv = [process.argv[0], bin, ...args];
process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
require(bin);
