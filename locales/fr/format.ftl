# Comment le français écrit les nombres, les dates, les durées et les listes.
# Espaces : U+00A0 (insécable) devant « : » et à l'intérieur des guillemets,
# U+202F (fine insécable) devant ; ! ? %, et entre les groupes de chiffres.

format-decimal-separator = ,
format-group-separator = { "\u202F" }
# Tous les nombres sont groupés, y compris dans les phrases (1 296 échecs).
format-group-prose-counts = yes
format-percent = { $number } %
format-moment = { $day } { $month } { $year } à { $time } UTC
format-timestamp = { $day } { $month } { $year } { $time }
format-list-pair = { $first } et { $second }
format-list-more = { $first }, { $rest }

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

duration-seconds = { $s } s
duration-minutes = { $m } min
duration-minutes-seconds = { $m } min { $s } s
duration-hours = { $h } h
duration-hours-minutes = { $h } h { $m } min
duration-days = { $d } j
duration-days-hours = { $d } j { $h } h
