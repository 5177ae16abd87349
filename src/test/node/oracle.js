// Microsoft's own Adaptive Cards code, run as the oracle for SCIM Pilot's Java tests and benchmark.
// Reads one JSON request on stdin, writes one JSON answer on stdout (one Node process per test class).
//   {"mode":"expand","cases":[{"id","template","data"}]}   -> {"results":[{"id","output"}|{"id","error"}]}
//   {"mode":"validate","cards":[{"id","card"}]}             -> {"results":[{"id","messages":[...],"unknownTypes":[...]}]}
//   {"mode":"bench","cases":[...],"millisPerCase":N}       -> {"perCase":[{"id","ops","seconds"}]}
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
  // The same work as the Java side: parse each template once, then expand it with its data for a fixed time.
  const millis = request.millisPerCase || 2000;
  const perCase = [];
  for (const c of request.cases) {
    const template = new ACData.Template(c.template);
    const warmUpEnd = Date.now() + Math.min(1000, millis / 2);
    while (Date.now() < warmUpEnd) template.expand({ $root: c.data });
    let ops = 0;
    const start = process.hrtime.bigint();
    const budget = BigInt(millis) * 1000000n;
    let elapsed = 0n;
    while (elapsed < budget) {
      for (let i = 0; i < 20; i++) template.expand({ $root: c.data });
      ops += 20;
      elapsed = process.hrtime.bigint() - start;
    }
    perCase.push({ id: c.id, ops, seconds: Number(elapsed) / 1e9 });
  }
  return { perCase };
}

readStdin().then((text) => {
  const request = JSON.parse(text);
  const modes = { expand: runExpand, validate: runValidate, bench: runBench };
  const answer = modes[request.mode](request);
  process.stdout.write(JSON.stringify(answer));
});
