"""Generated artifacts: the student and solutions notebooks, the student tests, ``autograder.zip``.

Everything here is rendered from the questions (:mod:`grader.questions`);
nothing is written by hand.
"""
