"""The coordinator's list of all the pairs of her programmes, published ones included.

It lives in mentoring, not in matching: a pair's health (the early warnings) and its last meeting
are mentoring's data, and matching, the layer below, must not read them.
"""
