import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseCounting, formatNumber } from './docx-numbering.js';
import { XmlError, parseXml } from './xml-lite.js';

test('XML: elements, attributes, entities, CDATA; comments, declarations and doctype skipped', () => {
  const root = parseXml(`<?xml version="1.0"?><!DOCTYPE r><!-- 注释 --><r a="1 &amp; 2" b='&#x4E00;'>甲&lt;乙<![CDATA[<丙>]]><e/><f x = "y" >丁</f></r>`);
  assert.deepEqual(root, {
    name: 'r', attrs: { a: '1 & 2', b: '一' },
    children: ['甲<乙', '<丙>', { name: 'e', attrs: {}, children: [] }, { name: 'f', attrs: { x: 'y' }, children: ['丁'] }],
  });
});

test('XML: prefixes are renamed to the canonical one by namespace URI', () => {
  const root = parseXml('<a:doc xmlns:a="urn:w"><a:p/></a:doc>', { 'urn:w': 'w' });
  assert.equal(root.name, 'w:doc');
  assert.equal((root.children[0] as { name: string }).name, 'w:p');
});

test('XML: malformed documents throw XmlError', () => {
  for (const bad of ['', '文本', '<a><b></a>', '<a>', '<a x=1/>', '<a/><b/>', '<a><!-- 未结束</a>', '<a x="<"/>', 'x<a/>']) {
    assert.throws(() => parseXml(bad), XmlError, bad);
  }
});

test('list numbers in Chinese counting and other formats', () => {
  assert.deepEqual([1, 10, 11, 20, 21, 100, 101, 110, 115].map((n) => chineseCounting(n)),
    ['一', '十', '十一', '二十', '二十一', '一百', '一百零一', '一百一十', '一百一十五']);
  assert.equal(formatNumber(3, 'chineseLegalSimplified'), '叁');
  assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
  assert.equal(formatNumber(2, 'decimalEnclosedCircle'), '②');
  assert.equal(formatNumber(4, 'upperRoman'), 'IV');
  assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
  assert.equal(formatNumber(3, 'ideographTraditional'), '丙');
});
