#!/usr/bin/env python3
"""Second pass of crawl-wide.py: as each user, submit every POST form a page offered them (its hidden fields and
its first named button only), without following redirects, and list those refused with 403 and why.
Usage: post-pass.py BASE posts.json[,posts2.json] [users] [forms per URL shape, default 3]
It changes the data: run it only on a throwaway demo folder."""
import re, sys, json, html, collections, requests
BASE = sys.argv[1].rstrip('/')
posts = {}
for f in sys.argv[2].split(','):
    posts.update(json.load(open(f)))
ONLY = sys.argv[3].split(',') if len(sys.argv) > 3 and sys.argv[3] else None
PER_SHAPE = int(sys.argv[4]) if len(sys.argv) > 4 else 3
PEOPLE = ["person.demo", "carer.demo", "attorney.demo"]
SKIP = re.compile(r'(sign-out|logout|/disable|/enable|/password|/reset|/unlock|/sessions|two-step|totp|keep-alive|/session/|/login)')
refused = []
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
    print(user, dict(sorted(codes.items(), key=str)), flush=True)
print('REFUSED', len(refused))
for x in refused:
    print('  ', x)
