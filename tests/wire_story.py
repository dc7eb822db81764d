"""Our own wire story, an outlet's copy of it, and another outlet's own report of the same news: the copies tests
(tests/reader/test_reader_copies.py, tests/store/test_store_copies.py)."""

WIRE = (
    "Kazakhstan and Kyrgyzstan agreed on Thursday to reopen three border crossings closed since the spring, the "
    "two foreign ministries said in a joint statement after talks in Almaty.\n"
    "The crossings will reopen to freight first and to passenger cars from next month, the statement said, and "
    "customs officers of both countries will share the checkpoints.\n"
    "Kyrgyz traders had complained for months that lorries waited for days at the one crossing left open, and "
    "the price of flour in Bishkek markets rose by a fifth over the summer.\n"
    "Kazakhstan's deputy foreign minister said the two governments would also set up a joint commission on "
    "water from the rivers they share before the next irrigation season."
)
# its own dateline, credit line and footer, and two words changed
COPY = (
    "ALMATY (Steppe Daily) - "
    + WIRE.replace("on Thursday", "on Thursday evening").replace("by a fifth", "by a quarter")
    + "\nReporting by the Steppe Daily desk.\nRead more: regional news at steppe.example"
)
SECOND_COPY = WIRE.replace("on Thursday", "on Thursday evening") + "\nCopyright 2024 Border Post."
OWN_REPORT = (
    "Border crossings between Kazakhstan and Kyrgyzstan will reopen, officials in Almaty announced on Thursday, "
    "ending a closure that had stranded hundreds of lorries since the spring.\n"
    "Freight traffic resumes first. Passenger cars follow next month, according to a statement from both "
    "ministries, and joint customs posts will be staffed by officers of the two states.\n"
    "Traders in Bishkek welcomed the news after a summer of rising flour prices."
)
