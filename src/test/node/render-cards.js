// Renders every card in cards/ with its sample data, using Microsoft's own templating engine and renderer
// (adaptivecards 3.0.6) in headless Chromium, and writes target/cards/<name>.png plus target/cards/all.png
// (every card on one sheet) and target/cards/index.html.
//
//   node src/test/node/render-cards.js [--out target/cards] [--chromium /usr/bin/chromium]
//
// Uses the system Chromium (Debian package "chromium"); it never downloads a browser.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const ACData = require("adaptivecards-templating");

const root = path.resolve(__dirname, "../../..");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const outDir = path.resolve(root, option("--out", "target/cards"));
const executablePath = option("--chromium", process.env.CHROMIUM || "/usr/bin/chromium");

// Close to Teams' light theme, so the pictures show what a technician sees.
const hostConfig = {
  fontFamily: "'Segoe UI', 'Liberation Sans', 'DejaVu Sans', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#E1DFDD" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  supportsInteractivity: true,
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: "inline", inlineTopMargin: 8 },
    actionsOrientation: "horizontal", actionAlignment: "left" },
  containerStyles: {
    default: { backgroundColor: "#FFFFFF", foregroundColors: colors("#242424") },
    emphasis: { backgroundColor: "#F5F5F5", foregroundColors: colors("#242424") },
    accent: { backgroundColor: "#E8EBFA", foregroundColors: colors("#242424") },
    good: { backgroundColor: "#E7F2DA", foregroundColors: colors("#242424") },
    attention: { backgroundColor: "#FCF4F6", foregroundColors: colors("#242424") },
    warning: { backgroundColor: "#FBF6D9", foregroundColors: colors("#242424") },
  },
};

function colors(text) {
  const c = (d, s) => ({ default: d, subtle: s });
  return {
    default: c(text, "#616161"), dark: c("#242424", "#424242"), light: c("#FFFFFF", "#F5F5F5"),
    accent: c("#5B5FC7", "#7F85F5"), good: c("#0E700E", "#13A10E"), warning: c("#835B00", "#A67400"),
    attention: c("#C50F1F", "#D13438"),
  };
}

function cards() {
  const dir = path.join(root, "cards");
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".data.json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, "");
      const template = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      const data = JSON.parse(fs.readFileSync(path.join(dir, name + ".data.json"), "utf8"));
      // The plan card also gets a picture of what approvers see after the refresh.
      const variants = [{ name, data }];
      if (data.approverView === false) variants.push({ name: name + "-approver", data: { ...data, approverView: true } });
      return variants.map((v) => {
        const card = new ACData.Template(template).expand({ $root: v.data });
        const wide = card.msteams && card.msteams.width === "Full";
        return { name: v.name, card, width: wide ? 760 : 500 };
      });
    })
    .flat();
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const list = cards();
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; background: #F0F0F0; font-family: ${hostConfig.fontFamily}; }
      .sheet { display: flex; flex-wrap: wrap; gap: 24px; padding: 24px; align-items: flex-start; }
      .frame { background: #fff; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.18); overflow: hidden; }
      .label { font-size: 12px; color: #616161; padding: 6px 12px; border-bottom: 1px solid #E1DFDD; }
      .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #fff; padding: 5px 12px;
        font: 600 14px ${hostConfig.fontFamily}; color: #242424; }
      .ac-pushButton.style-positive { background: #5B5FC7; color: #fff; border-color: #5B5FC7; }
      .ac-pushButton.style-destructive { color: #C50F1F; }
      .ac-input { font: 14px ${hostConfig.fontFamily}; }
      .ac-textInput, .ac-multichoiceInput { border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 8px; }
    </style></head><body><div class="sheet" id="sheet"></div></body></html>`);
    await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.js") });
    const failures = await page.evaluate(({ list, hostConfig }) => {
      // Teams renders the Markdown subset in TextBlocks; the library leaves that to the host.
      AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        result.outputHtml = "<p>" + escaped.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
          .replace(/(^|\W)_(.+?)_(?=\W|$)/g, "$1<em>$2</em>").replace(/\n/g, "<br>") + "</p>";
        result.didProcess = true;
      };
      const problems = [];
      for (const { name, card, width } of list) {
        const frame = document.createElement("div");
        frame.className = "frame";
        frame.id = "card-" + name;
        frame.style.width = width + "px";
        frame.innerHTML = `<div class="label">${name}</div>`;
        const ac = new AdaptiveCards.AdaptiveCard();
        ac.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
        ac.parse(card);
        const element = ac.render();
        if (!element) problems.push(name);
        else frame.appendChild(element);
        document.getElementById("sheet").appendChild(frame);
      }
      return problems;
    }, { list, hostConfig });
    if (failures.length) throw new Error("render() returned nothing for " + failures.join(", "));
    await page.evaluate(() => document.fonts.ready);
    for (const { name } of list) {
      await page.locator("#card-" + name).screenshot({ path: path.join(outDir, name + ".png") });
    }
    await page.locator("#sheet").screenshot({ path: path.join(outDir, "all.png") });
    fs.writeFileSync(path.join(outDir, "index.html"), "<!doctype html><meta charset=utf-8><title>SCIM Pilot cards</title>"
      + '<body style="background:#F0F0F0;font-family:sans-serif">'
      + list.map(({ name }) => `<figure style="display:inline-block;margin:12px;vertical-align:top">`
        + `<img src="${name}.png"><figcaption>${name}</figcaption></figure>`).join("") + "</body>");
    console.log(`rendered ${list.length} cards to ${path.relative(root, outDir)}/ (each <name>.png, all.png, index.html)`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
