// Microsoft's own Adaptive Cards code, run as the oracle for SCIM Pilot's Java tests and benchmark.
// Reads one JSON request on stdin, writes one JSON answer on stdout (one Node process per test class).
//   {"mode":"expand","cases":[{"id","template","data"}]}   -> {"results":[{"id","output"}|{"id","error"}]}
//   {"mode":"validate","cards":[{"id","card"}]}             -> {"results":[{"id","messages":[...],"unknownTypes":[...]}]}
//   {"mode":"bench","cases":[...],"iterations":N}          -> {"perCase":[{"id","opsPerSec"}],"totalOpsPerSec"}
"use strict";
const ACData = require("adaptivecards-templating");

function readStdin() {
  return new Promise((resolve) => {
    let text = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
  });
}

function expand(template, data) {
  return new ACData.Template(template).expand({ $root: data });
}

function runExpand(request) {
  return {
    results: request.cases.map((c) => {
      try {
        const output = expand(c.template, c.data);
        // Through JSON text, exactly as the bot would send it (undefined dropped, numbers JS-formatted).
        return { id: c.id, output: output === undefined ? null : JSON.parse(JSON.stringify(output)) };
      } catch (e) {
        return { id: c.id, error: String(e && e.message ? e.message : e) };
      }
    }),
  };
}

function runValidate(request) {
  // The bundled UMD build parses and validates in Node without a DOM (only render() needs one).
  const AC = require("adaptivecards/dist/adaptivecards.js");
  return {
    results: request.cards.map((c) => {
      const card = new AC.AdaptiveCard();
      const ctx = new AC.SerializationContext();
      const unknownTypes = [];
      const messages = [];
      try {
        card.parse(c.card, ctx);
        for (let i = 0; i < ctx.eventCount; i++) {
          const ev = ctx.getEventAt(i);
          messages.push(ev.message);
          if (/unknown (element|action) type/i.test(ev.message)) unknownTypes.push(ev.message);
        }
        for (const ev of card.validateProperties().validationEvents) messages.push(ev.message);
      } catch (e) {
        messages.push("parse threw: " + (e && e.message ? e.message : e));
      }
      return { id: c.id, messages, unknownTypes };
    }),
  };
}

function runBench(request) {
  const iterations = request.iterations;
  const perCase = [];
  let totalOps = 0;
  let totalMs = 0;
  for (const c of request.cases) {
    // The same work as the Java side: parse the template once, expand many times.
    const template = new ACData.Template(c.template);
    for (let i = 0; i < Math.min(200, iterations); i++) template.expand({ $root: c.data }); // warm-up
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) template.expand({ $root: c.data });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    perCase.push({ id: c.id, opsPerSec: (iterations * 1000) / ms });
    totalOps += iterations;
    totalMs += ms;
  }
  return { perCase, totalOpsPerSec: (totalOps * 1000) / totalMs };
}

readStdin().then((text) => {
  const request = JSON.parse(text);
  const modes = { expand: runExpand, validate: runValidate, bench: runBench };
  const answer = modes[request.mode](request);
  process.stdout.write(JSON.stringify(answer));
});
