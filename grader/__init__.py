"""cnn-grader: auto-graded exercises for "Introduction to Convolutional Neural Networks".

Importing the package is cheap (no torch); the question bank, the engine and
the packaging live in submodules imported where they are needed.
"""

__version__ = "0.1.0"
