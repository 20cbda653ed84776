#!/usr/bin/env python3
"""A wider copy of /tmp/crawl.py: MAX pages per user, SHAPES per URL shape, and it follows hx-get links and
GET forms too; it lists the POST forms (and hx-post) each page offers, so a second pass can try them.
Usage: crawl-wide.py BASE MAX SHAPES [users,comma,separated] [posts-out.json]"""
import re, sys, json, collections, requests, html
from html.parser import HTMLParser

BASE = sys.argv[1].rstrip('/')
MAX = int(sys.argv[2]) if len(sys.argv) > 2 else 120
SHAPES = int(sys.argv[3]) if len(sys.argv) > 3 else 2
STAFF = ["nina.patel", "sam.jones", "mark.evans", "grace.okafor", "dr.khan", "fiona.reid", "jo.hill", "kate.murphy",
         "ben.taylor", "caldicott", "admin", "cara.bell", "ben.osei"]
PEOPLE = ["person.demo", "carer.demo", "attorney.demo"]
ONLY = sys.argv[4].split(',') if len(sys.argv) > 4 and sys.argv[4] else None
POSTS_OUT = sys.argv[5] if len(sys.argv) > 5 else None
SKIP = re.compile(r'(logout|sign-out|/me/sign-out|\.css|\.js|\.png|\.ico|\.svg|webjars|/actuator|#|\.pdf$|/pdf|\.csv|export)')
bad, forbidden, posts = [], [], collections.defaultdict(dict)


def sign_in(user, path):
    s = requests.Session()
    page = s.get(BASE + path).text
    token = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
    r = s.post(BASE + path, data={"username": user, "password": "seamless-demo", "_csrf": token}, allow_redirects=True)
    return s, r


def shape_of(path):
    shape = re.sub(r'[0-9a-f]{8}-[0-9a-f-]{27}', '{id}', path.split('?')[0])
    return re.sub(r'/\d+', '/{n}', shape)


def forms(body):
    for m in re.finditer(r'<form\b([^>]*)>(.*?)</form>', body, re.S):
        attrs, inner = m.group(1), m.group(2)
        method = (re.search(r'method="([^"]*)"', attrs) or [None, 'get'])[1].lower()
        action = re.search(r'(?:th:)?action="([^"]*)"', attrs)
        yield method, html.unescape(action.group(1)) if action else None, inner


class Fields(HTMLParser):
    """The named fields of one form's inner HTML: inputs with type, value and checked, selects with their options'
    values, textareas; enough for post-pass.py to fill the form as a person would."""

    def __init__(self):
        super().__init__()
        self.fields, self.select = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'input' and a.get('name'):
            self.fields.append({'tag': 'input', 'name': a['name'], 'type': (a.get('type') or 'text').lower(),
                                'value': a.get('value') or '', 'checked': 'checked' in a})
        elif tag == 'select' and a.get('name'):
            self.select = {'tag': 'select', 'name': a['name'], 'options': []}
            self.fields.append(self.select)
        elif tag == 'option' and self.select is not None:
            self.select['options'].append(a.get('value') or '')
        elif tag == 'textarea' and a.get('name'):
            self.fields.append({'tag': 'textarea', 'name': a['name']})

    def handle_endtag(self, tag):
        if tag == 'select':
            self.select = None


def fields_of(inner):
    p = Fields()
    p.feed(inner)
    return p.fields


def walk(user, s, start):
    seen, queue, codes = set(), collections.deque([(start, None, 'a')]), collections.Counter()
    shapes = collections.Counter()
    while queue and len(seen) < MAX:
        path, parent, how = queue.popleft()
        if path in seen:
            continue
        shape = shape_of(path)
        if shapes[shape] >= SHAPES:
            continue
        shapes[shape] += 1
        seen.add(path)
        headers = {'HX-Request': 'true'} if how == 'hx' else {}
        try:
            r = s.get(BASE + path, allow_redirects=True, timeout=120, headers=headers)
        except Exception as e:
            bad.append((user, path, 'EXC ' + str(e)[:80]))
            continue
        codes[r.status_code] += 1
        if r.status_code == 403:
            forbidden.append((user, path, parent, how))
        body = r.text if 'text' in r.headers.get('Content-Type', '') or 'json' in r.headers.get('Content-Type', '') else ''
        if r.status_code >= 500 or '\tat ' in body or 'Whitelabel' in body or 'Exception' in body:
            bad.append((user, path, r.status_code))
        if r.url.endswith('/login') and path != '/login':
            bad.append((user, path, 'signed out'))
            break
        if r.status_code != 200:
            continue
        found = [(l, 'a') for l in re.findall(r'href="(/[^"]*)"', body)]
        found += [(l, 'hx') for l in re.findall(r'hx-get="(/[^"]*)"', body)]
        for method, action, inner in forms(body):
            if not action or not action.startswith('/'):
                continue
            if method == 'get':
                found.append((action.split('?')[0], 'form'))
            else:
                hidden = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]*)"[^>]*value="([^"]*)"', inner))
                buttons = re.findall(r'<button[^>]*name="([^"]*)"[^>]*value="([^"]*)"', inner)
                posts[user].setdefault(html.unescape(action), {'from': path, 'hidden': hidden, 'buttons': buttons,
                                                               'fields': fields_of(inner)})
        for a in re.findall(r'hx-post="(/[^"]*)"', body):
            posts[user].setdefault(html.unescape(a), {'from': path, 'hidden': {}, 'buttons': [], 'hx': True})
        for link, kind in found:
            link = html.unescape(link)
            if not SKIP.search(link) and link not in seen:
                queue.append((link, path, kind))
    return len(seen), dict(sorted(codes.items()))


for u in STAFF + PEOPLE:
    if ONLY and u not in ONLY:
        continue
    s, r = sign_in(u, "/me/sign-in" if u in PEOPLE else "/login")
    print(u, walk(u, s, "/me" if u in PEOPLE else "/"), 'posts offered:', len(posts[u]), flush=True)
print("FORBIDDEN", len(forbidden))
for f in forbidden:
    print("  ", f)
print("BAD", len(bad))
for b in bad:
    print("  ", b)
if POSTS_OUT:
    json.dump(posts, open(POSTS_OUT, 'w'), indent=1)
