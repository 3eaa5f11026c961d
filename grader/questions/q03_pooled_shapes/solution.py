q3_shapes = [{% for s in a.shapes %}({{ s|join(", ") }}){{ ", " if not loop.last }}{% endfor %}]
q3_flatten_features = {{ a.shapes[-1]|join(" * ") }}
