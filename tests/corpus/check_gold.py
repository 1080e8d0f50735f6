"""Check the corpus gold files: every gold/<id>.yml parses, has exactly the agreed keys, names a file
that exists, and is consistent with it. Prints counts per shape and the outlets.

Run from anywhere: python tests/corpus/check_gold.py   (needs PyYAML). Not a pytest module.
Only this corpus is checked: the sibling folder webpages/ belongs to another set and is ignored.
"""
import collections
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
KEYS = ['file', 'shape', 'outlet', 'url', 'title', 'publication', 'carried_by', 'authors', 'date',
        'date_precision', 'date_evidence', 'interviewee', 'language', 'furniture_language', 'furniture',
        'partial', 'notes']
SHAPES = {'web-paste', 'wire', 'analysis', 'interview', 'saved-html', 'pdf-report', 'docx'}
DATE_RE = {'day': r'\d{4}-\d{2}-\d{2}', 'month': r'\d{4}-\d{2}', 'year': r'\d{4}'}


def squash(s):
    return re.sub(r'\s+', ' ', s).strip()


def main():
    problems = []
    shapes = collections.Counter()
    outlets = collections.Counter()
    golds = sorted((HERE / 'gold').glob('*.yml'))
    for g in golds:
        where = g.name
        try:
            d = yaml.safe_load(g.read_text(encoding='utf-8'))
        except yaml.YAMLError as e:
            problems.append(f'{where}: not YAML: {e}')
            continue
        if not isinstance(d, dict) or list(d) != KEYS:
            problems.append(f'{where}: keys are {list(d) if isinstance(d, dict) else type(d)}')
            continue
        f = HERE / d['file']
        if not f.is_file():
            problems.append(f'{where}: file {d["file"]} missing')
            continue
        if pathlib.Path(d['file']).stem != g.stem:
            problems.append(f'{where}: file name does not match gold name')
        if d['shape'] not in SHAPES:
            problems.append(f'{where}: shape {d["shape"]!r}')
        prec = d['date_precision']
        if d['date'] is None:
            if prec is not None:
                problems.append(f'{where}: date null but precision {prec}')
        elif prec not in DATE_RE or not re.fullmatch(DATE_RE[prec], str(d['date'])):
            problems.append(f'{where}: date {d["date"]!r} does not fit precision {prec!r}')
        if not isinstance(d['authors'], list) or not isinstance(d['furniture'], list):
            problems.append(f'{where}: authors/furniture must be lists')
        if not isinstance(d['partial'], bool):
            problems.append(f'{where}: partial must be true/false')
        has_furniture = d['shape'] in ('web-paste', 'saved-html')
        if has_furniture != bool(d['furniture']):
            problems.append(f'{where}: furniture list does not fit shape {d["shape"]}')
        if d['shape'] == 'interview' and not d['interviewee']:
            problems.append(f'{where}: interview without interviewee')
        if f.suffix == '.txt':
            text = f.read_text(encoding='utf-8')
            lines = {ln.strip() for ln in text.split('\n')}
            for item in d['furniture']:
                if item not in lines:
                    problems.append(f'{where}: furniture line not in file: {item[:60]!r}')
            for key in ('title', 'date_evidence'):
                if d[key] and squash(d[key]) not in squash(text):
                    problems.append(f'{where}: {key} not found in file: {d[key][:60]!r}')
        shapes[d['shape']] += 1
        outlets[d['outlet']] += 1
    print(f'{len(golds)} gold files')
    for s in sorted(SHAPES):
        print(f'  {s:11} {shapes[s]}')
    print(f'{len(outlets)} outlets:')
    for o, n in sorted(outlets.items()):
        print(f'  {n}  {o}')
    for p in problems:
        print('PROBLEM', p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
