{% set i, o, k = p.conv %}{% set c = p.network.channels %}{% set kk = p.network.kernel ** 2 %}{% set h = p.fcnn_hidden -%}
q4_conv_params = {{ o }} * {{ i }} * ({{ k }} * {{ k }}) + {{ o }}
q4_cnn_params = ({{ c[0] }} * {{ c[1] }} * {{ kk }} + {{ c[1] }}) + ({{ c[1] }} * {{ c[2] }} * {{ kk }} + {{ c[2] }}) + ({{ a.linear_in }} * 1 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [({{ p.fcnn_side }} * {{ p.fcnn_side }}, {{ h[0] }}), {% for w in h[1:] %}({{ h[loop.index0] }}, {{ w }}), {% endfor %}({{ h[-1] }}, 1)])
