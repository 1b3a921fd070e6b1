"""``tryggest edit``: a form editor for the YAML files (Decap CMS), made from the data model.

``config`` makes the form from ``tryggest/model.py``; ``server`` and ``session`` run it on this
computer with ``decap-server`` and the preview; ``saving`` and ``layout`` tidy and check each save.
"""
