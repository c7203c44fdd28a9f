#!/usr/bin/env python3
"""Add strings to a feature's resources: English key = English value in X.resx, the translation in X.<lang>.resx.

usage: scripts/resx-add.py src/AiEngineer.Web/Pages/Tickets/TicketsText [zh-Hans] < strings.tsv
Each input line is "English<TAB>translation". Existing keys get the new translation; new keys are appended.
Missing resource files are created.
"""
import sys, os
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def read(path):
    if not os.path.exists(path):
        return []
    root = ET.parse(path).getroot()
    return [(d.get('name'), (d.find('value').text or '') if d.find('value') is not None else '') for d in root.findall('data')]

def write(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k, v in entries:
            f.write('  <data name="%s" xml:space="preserve"><value>%s</value></data>\n' % (escape(k, {'"': '&quot;'}), escape(v)))
        f.write('</root>\n')

def merge(path, pairs):
    entries = read(path)
    index = {k: i for i, (k, _) in enumerate(entries)}
    for k, v in pairs:
        if k in index:
            entries[index[k]] = (k, v)
        else:
            index[k] = len(entries)
            entries.append((k, v))
    write(path, entries)

base = sys.argv[1]
lang = sys.argv[2] if len(sys.argv) > 2 else 'zh-Hans'
pairs = []
for line in sys.stdin.read().splitlines():
    if not line.strip():
        continue
    en, _, tr = line.partition('\t')
    if not tr:
        sys.exit('no translation on line: ' + line)
    pairs.append((en, tr))
merge(base + '.resx', [(en, en) for en, _ in pairs])
merge(base + '.' + lang + '.resx', pairs)
print('%d strings in %s' % (len(pairs), base))
