# A rule's title ($title), when the log shows the process dying on it $runs times.
catalogue-printed-again = { $title } (printed { $runs ->
        [one] { $runs } time
       *[other] { $runs } times
    }: the process restarted and died on it again, as the log shows; no container state was collected)
