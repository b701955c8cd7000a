"""How test/consolidate/full-consolidated.txt was made: by hand, from
templates/non-paper/text.txt, applying the consolidation rules to the choices
of test/consolidate/full-scenario.json. Every edit below is written out
literally (line numbers of text.txt, strings as they read); nothing here
calls Accord. Run: python3 test/consolidate/golden-edits.py > test/consolidate/full-consolidated.txt

Layout rules applied: a removed block takes the blank lines before it with it;
a footnote body moves to the end of the section holding its first surviving
reference, after one blank line; tables split by "Table (continued)" become
one (the break and the repeated heading row go)."""
import sys

src = open('templates/non-paper/text.txt', encoding='utf-8').read().split('\n')
L = lambda n: src[n - 1]  # 1-based, as an editor shows them
out = []

def keep(a, b):
    out.extend(src[a - 1:b])

def edit(n, *pairs):
    line = L(n)
    for old, new in pairs:
        assert old in line, (n, old)
        line = line.replace(old, new)
    out.append(line)

fn = lambda n: L(n)  # a footnote body as written; its label is replaced below

# Title, introduction, ARTICLE 1, A. Annex B (o1 chosen: "Option 1" heading goes, lines 11-12)
keep(1, 10)
keep(13, 16)
# Heading: g1 -> 2013–2020
edit(17, ('([2013–2017] [2013–2020])', '(2013–2020)'))
cp2 = {'Australia': '99.5', 'Austria': '80', 'Belarus': '88', 'Belgium': '80', 'Bulgaria': '80', 'Croatia': '80', 'Czech Republic': '80',
       'Denmark': '80', 'Estonia': '80', 'European Community': '80', 'Finland': '80', 'France': '80', 'Germany': '80', 'Greece': '80',
       'Hungary': '80', 'Iceland': '80', 'Ireland': '80', 'Italy': '80', 'Latvia': '80', 'Liechtenstein': '84', 'Lithuania': '80',
       'Luxembourg': '80', 'Monaco': '78', 'Netherlands': '80', 'Norway': '84', 'Poland': '80', 'Portugal': '80', 'Romania': '80',
       'Slovakia': '80', 'Slovenia': '80', 'Spain': '80', 'Sweden': '80', 'Switzerland': '84.2', 'Ukraine': '76',
       'United Kingdom of Great Britain and Northern Ireland': '80'}
# Rows 18-38 and 43-61 (39-42: the break and the repeated heading go); [*] kept (g5-g11) -> *; column 3 gets the inscription.
for n in list(range(18, 39)) + list(range(43, 62)):
    line = L(n).replace(' [*]', ' *')
    party = line.split('\t')[0].replace(' ^{a*}', '').replace(' ^b', '').replace(' *', '').rstrip('*')
    assert line.endswith('\t'), n
    out.append(line + cp2.get(party, ''))
keep(62, 67)   # table notes a, b, * (all still referenced)
# Options 2-5 of A (69-216) go, with footnotes 1 and 2 whose references they held.
keep(216, 218)  # blank, "B. Article 3, paragraph 1 bis", blank
# o6 chosen: "Option 1" (219-220) goes
keep(221, 222)
edit(223, ('inscribed [in the third column of the table contained] in Annex B', 'inscribed in the third column of the table contained in Annex B'))  # g34 kept
keep(224, 224)
edit(225, ('X per cent', '18 per cent'), ('2020[and by S per cent below 1990 levels by 2050]', '2020'))  # X = 18, g35 deleted
keep(226, 228)
edit(229, ('at least X per cent', 'at least 18 per cent'), ('at least Q per cent', 'at least 25 per cent'))
keep(230, 232)
edit(233, ('X per cent below W levels by V³', '18 per cent below 1990 levels by 2020¹'))  # footnote 3 -> 1
# 234-237: footnote bodies 2 (reference gone) and 3 (moves to the section's end)
keep(238, 238)
edit(239, ('[, [with the provision of][and in accordance with] the annual compliance assessment set out in Article [7][R]].',
           ', and in accordance with the annual compliance assessment set out in Article 7.'))  # g36 kept, g37.2, g38.1
out.extend(['', fn(237).replace('³', '¹', 1)])
# Options 2-4 of B (240-268) go, with footnote 4.
keep(269, 269)
edit(270, ('1 ter⁵', '1 ter²'))  # footnote 5 -> 2
keep(271, 274)   # 1 ter: blanks, note and ]] stay
out.extend(['', fn(290).replace('⁵', '²', 1)])  # body of footnote 5, from D Option 2, to the end of section C
keep(275, 277)
# o10 chosen: "Option 1" (278-279) goes
keep(280, 281)
edit(282, ('from [2013 to 2017][2013 to 2020],', 'from 2013 to 2020,'), ('multiplied by [five][eight]. [Those Parties', 'multiplied by eight. Those Parties'),
     ('their assigned amount.]', 'their assigned amount.'))  # g39.2, g40.2, g41 kept
# Options 2-3 of D (284-303) go, with footnotes 6, 7 and 8.
keep(304, 308)
edit(309, ('from [2018 to 2022][2021 to 2028],', 'from 2021 to 2028,'), ('multiplied by [five][eight].', 'multiplied by eight.'))  # g42.2, g43.2
# 310-313: footnotes 7 and 8 (references in D Option 3, dropped)
keep(314, 320)
edit(321, ('paragraph[s] 9 [and 9 bis]⁹', 'paragraphs 9 and 9 bis³'))  # g44, g45 kept; footnote 9 -> 3
keep(322, 322)
# o13 chosen: "Option 1" (323-324) goes
keep(325, 334)
edit(335, ('for the [third][fourth] and', 'for the third and'), ('at least Z years', 'at least 7 years'))  # g46.1, Z = 7
out.extend(['', fn(349).replace('⁹', '³', 1)])
# Options 2-5 of G (336-361) go.
keep(362, 362)
edit(363, ('15¹⁰', '15⁴'))
keep(364, 367)
out.extend(['', fn(385).replace('¹⁰', '⁴', 1)])
keep(368, 368)
edit(369, ('paragraph[s] 2 [and 3][, 3 and 3 bis]¹¹', 'paragraphs 2, 3 and 3 bis⁵'))  # g54 kept, g55.2; footnote 11 -> 5
keep(370, 370)
# Options 1-2 of I (371-390) go; o20 chosen: "Option 3" (391-392) goes
keep(393, 395)
out.extend(['', fn(387).replace('¹¹', '⁵', 1)])
keep(396, 398)
# o21 chosen: "Option 1" (399-400) goes; Option 2 (402-407) goes
keep(401, 401)
sys.stdout.write('\n'.join(out) + '\n')
