// Loads a fairness report (HTML model card) in headless Debian Chromium through playwright-core, fails on any
// console error, page error or network request (the page must be self-contained), checks that every SVG chart is
// drawn and visible, and saves a full-page PNG screenshot.
//
//   node render-report.mjs REPORT.html SCREENSHOT.png [CHROMIUM]
//
// Prints one JSON line with what it found; exit code 0 when the page is clean, 1 otherwise.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, screenshot, executable = '/usr/bin/chromium'] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error('usage: node render-report.mjs REPORT.html SCREENSHOT.png [CHROMIUM]');
  process.exit(2);
}

// a fresh profile every run: no state, extensions or cached pages from earlier runs
const profile = mkdtempSync(join(tmpdir(), 'creditlayer-report-'));
const problems = [];
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const url = pathToFileURL(resolve(report)).href;
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) {
      problems.push(`request to ${request.url()} (the report must be self-contained)`);
    }
  });
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (response && !response.ok()) {
    problems.push(`loading ${url} answered ${response.status()}`);
  }

  const charts = await page.locator('svg').all();
  let visible = 0;
  let drawn = 0;
  for (const chart of charts) {
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (await chart.isVisible() && box && box.width > 10 && box.height > 10) {
      visible++;
    }
    const marks = await chart.locator('path, rect, circle, line, polyline, polygon').count();
    if (marks > 0) {
      drawn++;
    }
  }
  if (charts.length === 0) {
    problems.push('no SVG chart on the page');
  }
  if (visible !== charts.length) {
    problems.push(`${charts.length - visible} of ${charts.length} SVG charts are not visible`);
  }
  if (drawn !== charts.length) {
    problems.push(`${charts.length - drawn} of ${charts.length} SVG charts draw nothing`);
  }
  const title = await page.title();
  const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ title, charts: charts.length, visible, drawn, width: size.width, height: size.height, problems }));
} catch (error) {
  problems.push(`browser failure: ${error.message.split('\n')[0]}`);
  console.log(JSON.stringify({ problems }));
} finally {
  if (context) {
    await context.close();
  }
  rmSync(profile, { recursive: true, force: true });
}
process.exit(problems.length === 0 ? 0 : 1);
