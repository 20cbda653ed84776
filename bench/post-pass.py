#!/usr/bin/env python3
"""Second pass of crawl-wide.py: as each user, submit every POST form a page offered them, without following
redirects, and list those refused with 403 and why, and any server error. With FILL=1 in the environment each form's
fields are filled as a person would (first choice of each radio group and list, plausible words, dates and amounts,
non-English names) so the request gets past the form's own checks to the access decision; the forms that still come
back with an error summary are counted and their first messages listed, so a form this pass cannot fill is visible.
Usage: [FILL=1] post-pass.py BASE posts.json[,posts2.json] [users] [forms per URL shape, default 3]
It changes the data: run it only on a throwaway demo folder."""
import os, re, sys, json, html, collections, requests
FILL = os.environ.get('FILL') == '1'
WORDS = 'Zofia Wiśniewska-Ó Súilleabháin said: tea at four, not three'


def value_for(name, kind, names=()):
    """A plausible value for a field, from its name and type (and its form's other fields' names)."""
    n = name.lower()
    if kind == 'date':
        return '2026-12-20'
    if n.endswith('day'):
        # A day beside a month is one part of a date; alone it is the whole date.
        return '20' if name[:-3] + ('Month' if name.endswith('Day') else 'month') in names else '01/12/2026'
    if n.endswith('date') or name.endswith('On') or n in ('planneddischarge', 'from', 'to', 'until', 'since'):
        return '01/12/2026'
    if 'ods' in n:
        return 'A81001'
    if n.endswith('month') or n.endswith('.month'):
        return '12'
    if n.endswith('year') or n.endswith('.year'):
        return '1950' if 'dob' in n or 'birth' in n else '2026'
    if 'time' in n:
        return '10:30'
    if 'email' in n or kind == 'email':
        return 'zofia@example.org'
    if 'postcode' in n:
        return 'LS1 4AP'
    if 'nhs' in n:
        return ''
    if any(k in n for k in ('amount', 'pence', 'pounds', 'cost', 'rate', 'budget', 'weekly', 'price')):
        return '125.50'
    if kind == 'number' or any(k in n for k in ('hours', 'count', 'days', 'score', 'version', 'level')):
        return '1'
    if 'phone' in n or kind == 'tel':
        return '0113 496 0000'
    if 'family' in n:
        return 'Wiśniewska'
    if 'given' in n:
        return 'Zofia'
    return WORDS


def fill(fields, data):
    chosen = set()
    for f in fields:
        name = f['name']
        if name in data or name == '_csrf':
            continue
        if f['tag'] == 'select':
            opts = [o for o in f['options'] if o]
            if opts:
                data[name] = opts[0]
        elif f['tag'] == 'textarea':
            data[name] = WORDS
        elif f['type'] in ('radio',):
            if name not in chosen:
                data[name] = f['value']
                chosen.add(name)
        elif f['type'] == 'checkbox':
            if f['checked'] or name not in chosen:
                data.setdefault(name, f['value'] or 'true')
                chosen.add(name)
        elif f['type'] in ('hidden', 'submit', 'button', 'file', 'password'):
            continue
        else:
            data[name] = f['value'] or value_for(name, f['type'], {g['name'] for g in fields})
BASE = sys.argv[1].rstrip('/')
posts = {}
for f in sys.argv[2].split(','):
    posts.update(json.load(open(f)))
ONLY = sys.argv[3].split(',') if len(sys.argv) > 3 and sys.argv[3] else None
PER_SHAPE = int(sys.argv[4]) if len(sys.argv) > 4 else 3
PEOPLE = ["person.demo", "carer.demo", "attorney.demo"]
SKIP = re.compile(r'(sign-out|logout|/disable|/enable|/password|/reset|/unlock|/sessions|two-step|totp|keep-alive|/session/|/login)')
refused, unfilled = [], []
order = [u for u in posts if u != 'admin'] + (['admin'] if 'admin' in posts else [])
for user in order:
    if ONLY and user not in ONLY:
        continue
    s = requests.Session()
    path = '/me/sign-in' if user in PEOPLE else '/login'
    t = re.search(r'name="_csrf" value="([^"]*)"', s.get(BASE + path).text).group(1)
    s.post(BASE + path, data={'username': user, 'password': 'seamless-demo', '_csrf': t})
    codes = collections.Counter()
    shapes = collections.Counter()
    for action, form in posts[user].items():
        if SKIP.search(action):
            continue
        shape = re.sub(r'[0-9a-f]{8}-[0-9a-f-]{27}', '{id}', action.split('?')[0])
        shape = re.sub(r'/\d+', '/{n}', shape)
        shapes[shape] += 1
        if shapes[shape] > PER_SHAPE:
            continue
        # A fresh token from the page that offered the form.
        page = s.get(BASE + form['from'])
        m = re.search(r'name="_csrf" value="([^"]*)"', page.text)
        data = dict(form['hidden'])
        if FILL:
            fill(form.get('fields', []), data)
        if m:
            data['_csrf'] = m.group(1)
        if form['buttons']:
            data[form['buttons'][0][0]] = html.unescape(form['buttons'][0][1])
        headers = {'HX-Request': 'true'} if form.get('hx') else {}
        if form.get('hx') and m:
            headers['X-CSRF-TOKEN'] = m.group(1)
        try:
            r = s.post(BASE + action, data=data, allow_redirects=False, timeout=120, headers=headers)
        except Exception as e:
            codes['EXC'] += 1
            continue
        codes[r.status_code] += 1
        if r.status_code == 403:
            why = re.search(r'id="denied-reason"[^>]*>([^<]*)<', r.text) or re.search(r'<p class="govuk-body-l"[^>]*>([^<]*)<', r.text) or re.search(r'<h1[^>]*>([^<]*)<', r.text)
            refused.append((user, action, form['from'], html.unescape(why.group(1)) if why else r.text[:120]))
        if r.status_code >= 500:
            refused.append((user, action, form['from'], 'HTTP %d' % r.status_code))
        if r.status_code == 200 and 'govuk-error-summary' in r.text:
            codes['200 with errors'] += 1
            msgs = re.findall(r'<a href="#[^"]*"[^>]*>([^<]*)</a>', r.text.split('govuk-error-summary', 1)[1])[:2]
            unfilled.append((user, shape, [html.unescape(m) for m in msgs]))
    print(user, dict(sorted(codes.items(), key=str)), flush=True)
print('STOPPED AT THE FORM\'S OWN CHECKS', len(unfilled))
for x in unfilled:
    print('  ', x)
print('REFUSED', len(refused))
for x in refused:
    print('  ', x)
