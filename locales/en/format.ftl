# How English writes numbers, moments, spans and lists.

format-decimal-separator = .
format-group-separator = ,
# Counts in running prose are written without separators (1296 failed).
format-group-prose-counts = no
# $number is already written with the separators above.
format-percent = { $number } %
# $date is 2026-11-27; $day, $month (a name below), $year and $time
# (18:57:03) are there for languages that write dates otherwise.
format-moment = { $date } { $time } UTC
format-timestamp = { $date } { $time }
format-list-pair = { $first } and { $second }
format-list-more = { $first }, { $rest }

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

duration-seconds = { $s } s
duration-minutes = { $m } min
duration-minutes-seconds = { $m } min { $s } s
duration-hours = { $h } h
duration-hours-minutes = { $h } h { $m } min
duration-days = { $d } d
duration-days-hours = { $d } d { $h } h
