"""Maths and logic problems whose numbers are drawn (and stay consistent within the
problem), and the short passages with questions about them (``Q_PASSAGES``)."""

from __future__ import annotations

from analyzer.classify.prompt_slots import Ctx
from analyzer.classify.slot_functions import slot_function


@slot_function("word_problem_r")
def word_problem_r(c: Ctx) -> str:
    k = c.r.randrange(8)
    if k == 0:
        a, b = c.r.randint(3, 9), c.r.randint(4, 12)
        return (f"A tap fills a tank in {a} hours and a drain empties it in {b + a} hours. If both are open, how long "
                "does it take to fill the empty tank?")
    if k == 1:
        p = c.r.randint(20, 60)
        return (f"A shop raises a price by {p}% and then cuts the new price by {p}%. Is the final price higher or "
                "lower than the original, and by what percentage?")
    if k == 2:
        x = c.r.randint(3, 8)
        return (f"A mother is {x} times as old as her daughter. In {(x - 2) * 5} years she will be twice as old as "
                "her daughter. How old are they now?")
    if k == 3:
        n = c.r.randint(5, 12)
        return f"How many different handshakes happen if {n} people at a meeting each shake hands with everyone else once? Explain."
    if k == 4:
        r1, r2 = c.r.randint(40, 70), c.r.randint(75, 110)
        return (f"A cyclist rides to {c.get('city')} at {r1 // 3} km/h and back along the same road at {r2 // 4} km/h. "
                "What is her average speed for the round trip?")
    if k == 5:
        red, blue = c.r.randint(2, 6), c.r.randint(2, 6)
        return (f"A bag has {red} red and {blue} blue marbles. Two are drawn without replacement. What is the "
                "probability that both are the same colour?")
    if k == 6:
        w = c.r.randint(3, 7)
        return (f"{w} painters can paint {w} rooms in {w} hours. How many rooms can {w * 2} painters paint in "
                f"{w * 3} hours?")
    amt = c.r.randint(2, 20) * 1000
    return (f"You invest {amt} at 5% interest compounded yearly, and add 1,000 at the end of each year. How much "
            "do you have after 3 years? Show the calculation for each year.")


@slot_function("p_arith")
def p_arith(c: Ctx) -> str:
    k = c.r.randrange(10)
    a, b, d = c.r.randint(3, 19), c.r.randint(20, 90), c.r.randint(2, 6)
    if k == 0:
        return (f"{c.get('first')} has {d} times as many stickers as {c.get('first2')}. Together they have {a * (d + 1)}. "
                "How many stickers does each of them have?")
    if k == 1:
        return (f"A rectangle is {d} times as long as it is wide and its perimeter is {2 * a * (d + 1)} cm. "
                "What is its area?")
    if k == 2:
        return (f"A car uses {d + 3} litres of fuel per 100 km. How much fuel does a {b * 10} km trip need, and what "
                f"does it cost at {c.get('_cur')}1.{a} per litre?")
    if k == 3:
        return f"The average of five numbers is {b}. When one number is removed the average becomes {b - d}. Which number was removed?"
    if k == 4:
        return (f"A train leaves at {c.get('time')} travelling at {b + 40} km/h. A second train leaves the same station "
                f"{d} hours later at {b + 80} km/h on the same track. When does the second catch up?")
    if k == 5:
        return f"Solve for x: {d}x + {a} = {d * b + a}. Then check your answer."
    if k == 6:
        return f"If x + y = {b} and x - y = {2 * a}, what are x and y?"
    if k == 7:
        return (f"A recipe for {d} people needs {a * 25} g of flour and {d + 1} eggs. How much of each do I need for "
                f"{d * 3 + 1} people?")
    if k == 8:
        return (f"A jacket costs {b + 60} after a {a + 10}% discount. What was the original price? Round to the "
                "nearest cent.")
    return (f"{d + 2} workers can build a wall in {a + 4} days. How long would it take {d + 5} workers working at the "
            "same rate?")


@slot_function("p_prob")
def p_prob(c: Ctx) -> str:
    k = c.r.randrange(5)
    n, m = c.r.randint(2, 6), c.r.randint(3, 9)
    if k == 0:
        return f"What is the probability of rolling at least one six in {n + 1} rolls of a fair die?"
    if k == 1:
        return f"A drawer has {n} black socks and {m} white socks. If I pull out two in the dark, what are the chances they match?"
    if k == 2:
        return f"If I flip a fair coin {m + 1} times, what is the probability of getting exactly {n} heads?"
    if k == 3:
        return f"In a class of {m + 20} students, how likely is it that two share a birthday? Work it out."
    return f"Two cards are drawn from a standard deck without replacement. What is the probability both are {c.r.choice(('hearts', 'aces', 'face cards', 'red'))}?"


@slot_function("dice_problem")
def dice_problem(c: Ctx) -> str:
    # every wording's numbers are drawn before one wording is picked
    return c.r.choice((
        f"Two fair dice are rolled. What is the probability that the sum is {c.r.randint(4, 10)}?",
        f"You draw {c.r.randint(2, 4)} cards from a standard deck without replacement. What is the probability that "
        "they are all hearts?",
        f"A test is 99% accurate and the condition affects 1 in {c.r.choice((100, 500, 1000))} people. If someone tests "
        "positive, what is the probability they actually have it?",
        f"A coin is flipped {c.r.randint(5, 10)} times. What's the probability of getting at least two heads?",
    ))


# --- a passage and a question about it ------------------------------------------------------


@slot_function("q_pidx")
def q_pidx(c: Ctx) -> str:
    """Which passage (an index, so ``{q_passage}`` and ``{q_question}`` agree)."""
    return str(c.r.randrange(len(c.words.Q_PASSAGES)))


@slot_function("q_passage")
def q_passage(c: Ctx) -> str:
    return c.words.Q_PASSAGES[int(c.get("q_pidx"))]["passage"]


@slot_function("q_question")
def q_question(c: Ctx) -> str:
    return c.r.choice(c.words.Q_PASSAGES[int(c.get("q_pidx"))]["questions"])
