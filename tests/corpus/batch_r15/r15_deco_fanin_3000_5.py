import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

def _h0(f):
    return f

def _h1(f):
    return _h0(f)

def _h2(f):
    return _h1(f)

def _h3(f):
    return _h2(f)

def _h4(f):
    return _h3(f)

def _deco(f):
    return _h4(f)

@_deco
def _f0(x):
    return x
@_deco
def _f1(x):
    return x
@_deco
def _f2(x):
    return x
@_deco
def _f3(x):
    return x
@_deco
def _f4(x):
    return x
@_deco
def _f5(x):
    return x
@_deco
def _f6(x):
    return x
@_deco
def _f7(x):
    return x
@_deco
def _f8(x):
    return x
@_deco
def _f9(x):
    return x
@_deco
def _f10(x):
    return x
@_deco
def _f11(x):
    return x
@_deco
def _f12(x):
    return x
@_deco
def _f13(x):
    return x
@_deco
def _f14(x):
    return x
@_deco
def _f15(x):
    return x
@_deco
def _f16(x):
    return x
@_deco
def _f17(x):
    return x
@_deco
def _f18(x):
    return x
@_deco
def _f19(x):
    return x
@_deco
def _f20(x):
    return x
@_deco
def _f21(x):
    return x
@_deco
def _f22(x):
    return x
@_deco
def _f23(x):
    return x
@_deco
def _f24(x):
    return x
@_deco
def _f25(x):
    return x
@_deco
def _f26(x):
    return x
@_deco
def _f27(x):
    return x
@_deco
def _f28(x):
    return x
@_deco
def _f29(x):
    return x
@_deco
def _f30(x):
    return x
@_deco
def _f31(x):
    return x
@_deco
def _f32(x):
    return x
@_deco
def _f33(x):
    return x
@_deco
def _f34(x):
    return x
@_deco
def _f35(x):
    return x
@_deco
def _f36(x):
    return x
@_deco
def _f37(x):
    return x
@_deco
def _f38(x):
    return x
@_deco
def _f39(x):
    return x
@_deco
def _f40(x):
    return x
@_deco
def _f41(x):
    return x
@_deco
def _f42(x):
    return x
@_deco
def _f43(x):
    return x
@_deco
def _f44(x):
    return x
@_deco
def _f45(x):
    return x
@_deco
def _f46(x):
    return x
@_deco
def _f47(x):
    return x
@_deco
def _f48(x):
    return x
@_deco
def _f49(x):
    return x
@_deco
def _f50(x):
    return x
@_deco
def _f51(x):
    return x
@_deco
def _f52(x):
    return x
@_deco
def _f53(x):
    return x
@_deco
def _f54(x):
    return x
@_deco
def _f55(x):
    return x
@_deco
def _f56(x):
    return x
@_deco
def _f57(x):
    return x
@_deco
def _f58(x):
    return x
@_deco
def _f59(x):
    return x
@_deco
def _f60(x):
    return x
@_deco
def _f61(x):
    return x
@_deco
def _f62(x):
    return x
@_deco
def _f63(x):
    return x
@_deco
def _f64(x):
    return x
@_deco
def _f65(x):
    return x
@_deco
def _f66(x):
    return x
@_deco
def _f67(x):
    return x
@_deco
def _f68(x):
    return x
@_deco
def _f69(x):
    return x
@_deco
def _f70(x):
    return x
@_deco
def _f71(x):
    return x
@_deco
def _f72(x):
    return x
@_deco
def _f73(x):
    return x
@_deco
def _f74(x):
    return x
@_deco
def _f75(x):
    return x
@_deco
def _f76(x):
    return x
@_deco
def _f77(x):
    return x
@_deco
def _f78(x):
    return x
@_deco
def _f79(x):
    return x
@_deco
def _f80(x):
    return x
@_deco
def _f81(x):
    return x
@_deco
def _f82(x):
    return x
@_deco
def _f83(x):
    return x
@_deco
def _f84(x):
    return x
@_deco
def _f85(x):
    return x
@_deco
def _f86(x):
    return x
@_deco
def _f87(x):
    return x
@_deco
def _f88(x):
    return x
@_deco
def _f89(x):
    return x
@_deco
def _f90(x):
    return x
@_deco
def _f91(x):
    return x
@_deco
def _f92(x):
    return x
@_deco
def _f93(x):
    return x
@_deco
def _f94(x):
    return x
@_deco
def _f95(x):
    return x
@_deco
def _f96(x):
    return x
@_deco
def _f97(x):
    return x
@_deco
def _f98(x):
    return x
@_deco
def _f99(x):
    return x
@_deco
def _f100(x):
    return x
@_deco
def _f101(x):
    return x
@_deco
def _f102(x):
    return x
@_deco
def _f103(x):
    return x
@_deco
def _f104(x):
    return x
@_deco
def _f105(x):
    return x
@_deco
def _f106(x):
    return x
@_deco
def _f107(x):
    return x
@_deco
def _f108(x):
    return x
@_deco
def _f109(x):
    return x
@_deco
def _f110(x):
    return x
@_deco
def _f111(x):
    return x
@_deco
def _f112(x):
    return x
@_deco
def _f113(x):
    return x
@_deco
def _f114(x):
    return x
@_deco
def _f115(x):
    return x
@_deco
def _f116(x):
    return x
@_deco
def _f117(x):
    return x
@_deco
def _f118(x):
    return x
@_deco
def _f119(x):
    return x
@_deco
def _f120(x):
    return x
@_deco
def _f121(x):
    return x
@_deco
def _f122(x):
    return x
@_deco
def _f123(x):
    return x
@_deco
def _f124(x):
    return x
@_deco
def _f125(x):
    return x
@_deco
def _f126(x):
    return x
@_deco
def _f127(x):
    return x
@_deco
def _f128(x):
    return x
@_deco
def _f129(x):
    return x
@_deco
def _f130(x):
    return x
@_deco
def _f131(x):
    return x
@_deco
def _f132(x):
    return x
@_deco
def _f133(x):
    return x
@_deco
def _f134(x):
    return x
@_deco
def _f135(x):
    return x
@_deco
def _f136(x):
    return x
@_deco
def _f137(x):
    return x
@_deco
def _f138(x):
    return x
@_deco
def _f139(x):
    return x
@_deco
def _f140(x):
    return x
@_deco
def _f141(x):
    return x
@_deco
def _f142(x):
    return x
@_deco
def _f143(x):
    return x
@_deco
def _f144(x):
    return x
@_deco
def _f145(x):
    return x
@_deco
def _f146(x):
    return x
@_deco
def _f147(x):
    return x
@_deco
def _f148(x):
    return x
@_deco
def _f149(x):
    return x
@_deco
def _f150(x):
    return x
@_deco
def _f151(x):
    return x
@_deco
def _f152(x):
    return x
@_deco
def _f153(x):
    return x
@_deco
def _f154(x):
    return x
@_deco
def _f155(x):
    return x
@_deco
def _f156(x):
    return x
@_deco
def _f157(x):
    return x
@_deco
def _f158(x):
    return x
@_deco
def _f159(x):
    return x
@_deco
def _f160(x):
    return x
@_deco
def _f161(x):
    return x
@_deco
def _f162(x):
    return x
@_deco
def _f163(x):
    return x
@_deco
def _f164(x):
    return x
@_deco
def _f165(x):
    return x
@_deco
def _f166(x):
    return x
@_deco
def _f167(x):
    return x
@_deco
def _f168(x):
    return x
@_deco
def _f169(x):
    return x
@_deco
def _f170(x):
    return x
@_deco
def _f171(x):
    return x
@_deco
def _f172(x):
    return x
@_deco
def _f173(x):
    return x
@_deco
def _f174(x):
    return x
@_deco
def _f175(x):
    return x
@_deco
def _f176(x):
    return x
@_deco
def _f177(x):
    return x
@_deco
def _f178(x):
    return x
@_deco
def _f179(x):
    return x
@_deco
def _f180(x):
    return x
@_deco
def _f181(x):
    return x
@_deco
def _f182(x):
    return x
@_deco
def _f183(x):
    return x
@_deco
def _f184(x):
    return x
@_deco
def _f185(x):
    return x
@_deco
def _f186(x):
    return x
@_deco
def _f187(x):
    return x
@_deco
def _f188(x):
    return x
@_deco
def _f189(x):
    return x
@_deco
def _f190(x):
    return x
@_deco
def _f191(x):
    return x
@_deco
def _f192(x):
    return x
@_deco
def _f193(x):
    return x
@_deco
def _f194(x):
    return x
@_deco
def _f195(x):
    return x
@_deco
def _f196(x):
    return x
@_deco
def _f197(x):
    return x
@_deco
def _f198(x):
    return x
@_deco
def _f199(x):
    return x
@_deco
def _f200(x):
    return x
@_deco
def _f201(x):
    return x
@_deco
def _f202(x):
    return x
@_deco
def _f203(x):
    return x
@_deco
def _f204(x):
    return x
@_deco
def _f205(x):
    return x
@_deco
def _f206(x):
    return x
@_deco
def _f207(x):
    return x
@_deco
def _f208(x):
    return x
@_deco
def _f209(x):
    return x
@_deco
def _f210(x):
    return x
@_deco
def _f211(x):
    return x
@_deco
def _f212(x):
    return x
@_deco
def _f213(x):
    return x
@_deco
def _f214(x):
    return x
@_deco
def _f215(x):
    return x
@_deco
def _f216(x):
    return x
@_deco
def _f217(x):
    return x
@_deco
def _f218(x):
    return x
@_deco
def _f219(x):
    return x
@_deco
def _f220(x):
    return x
@_deco
def _f221(x):
    return x
@_deco
def _f222(x):
    return x
@_deco
def _f223(x):
    return x
@_deco
def _f224(x):
    return x
@_deco
def _f225(x):
    return x
@_deco
def _f226(x):
    return x
@_deco
def _f227(x):
    return x
@_deco
def _f228(x):
    return x
@_deco
def _f229(x):
    return x
@_deco
def _f230(x):
    return x
@_deco
def _f231(x):
    return x
@_deco
def _f232(x):
    return x
@_deco
def _f233(x):
    return x
@_deco
def _f234(x):
    return x
@_deco
def _f235(x):
    return x
@_deco
def _f236(x):
    return x
@_deco
def _f237(x):
    return x
@_deco
def _f238(x):
    return x
@_deco
def _f239(x):
    return x
@_deco
def _f240(x):
    return x
@_deco
def _f241(x):
    return x
@_deco
def _f242(x):
    return x
@_deco
def _f243(x):
    return x
@_deco
def _f244(x):
    return x
@_deco
def _f245(x):
    return x
@_deco
def _f246(x):
    return x
@_deco
def _f247(x):
    return x
@_deco
def _f248(x):
    return x
@_deco
def _f249(x):
    return x
@_deco
def _f250(x):
    return x
@_deco
def _f251(x):
    return x
@_deco
def _f252(x):
    return x
@_deco
def _f253(x):
    return x
@_deco
def _f254(x):
    return x
@_deco
def _f255(x):
    return x
@_deco
def _f256(x):
    return x
@_deco
def _f257(x):
    return x
@_deco
def _f258(x):
    return x
@_deco
def _f259(x):
    return x
@_deco
def _f260(x):
    return x
@_deco
def _f261(x):
    return x
@_deco
def _f262(x):
    return x
@_deco
def _f263(x):
    return x
@_deco
def _f264(x):
    return x
@_deco
def _f265(x):
    return x
@_deco
def _f266(x):
    return x
@_deco
def _f267(x):
    return x
@_deco
def _f268(x):
    return x
@_deco
def _f269(x):
    return x
@_deco
def _f270(x):
    return x
@_deco
def _f271(x):
    return x
@_deco
def _f272(x):
    return x
@_deco
def _f273(x):
    return x
@_deco
def _f274(x):
    return x
@_deco
def _f275(x):
    return x
@_deco
def _f276(x):
    return x
@_deco
def _f277(x):
    return x
@_deco
def _f278(x):
    return x
@_deco
def _f279(x):
    return x
@_deco
def _f280(x):
    return x
@_deco
def _f281(x):
    return x
@_deco
def _f282(x):
    return x
@_deco
def _f283(x):
    return x
@_deco
def _f284(x):
    return x
@_deco
def _f285(x):
    return x
@_deco
def _f286(x):
    return x
@_deco
def _f287(x):
    return x
@_deco
def _f288(x):
    return x
@_deco
def _f289(x):
    return x
@_deco
def _f290(x):
    return x
@_deco
def _f291(x):
    return x
@_deco
def _f292(x):
    return x
@_deco
def _f293(x):
    return x
@_deco
def _f294(x):
    return x
@_deco
def _f295(x):
    return x
@_deco
def _f296(x):
    return x
@_deco
def _f297(x):
    return x
@_deco
def _f298(x):
    return x
@_deco
def _f299(x):
    return x
@_deco
def _f300(x):
    return x
@_deco
def _f301(x):
    return x
@_deco
def _f302(x):
    return x
@_deco
def _f303(x):
    return x
@_deco
def _f304(x):
    return x
@_deco
def _f305(x):
    return x
@_deco
def _f306(x):
    return x
@_deco
def _f307(x):
    return x
@_deco
def _f308(x):
    return x
@_deco
def _f309(x):
    return x
@_deco
def _f310(x):
    return x
@_deco
def _f311(x):
    return x
@_deco
def _f312(x):
    return x
@_deco
def _f313(x):
    return x
@_deco
def _f314(x):
    return x
@_deco
def _f315(x):
    return x
@_deco
def _f316(x):
    return x
@_deco
def _f317(x):
    return x
@_deco
def _f318(x):
    return x
@_deco
def _f319(x):
    return x
@_deco
def _f320(x):
    return x
@_deco
def _f321(x):
    return x
@_deco
def _f322(x):
    return x
@_deco
def _f323(x):
    return x
@_deco
def _f324(x):
    return x
@_deco
def _f325(x):
    return x
@_deco
def _f326(x):
    return x
@_deco
def _f327(x):
    return x
@_deco
def _f328(x):
    return x
@_deco
def _f329(x):
    return x
@_deco
def _f330(x):
    return x
@_deco
def _f331(x):
    return x
@_deco
def _f332(x):
    return x
@_deco
def _f333(x):
    return x
@_deco
def _f334(x):
    return x
@_deco
def _f335(x):
    return x
@_deco
def _f336(x):
    return x
@_deco
def _f337(x):
    return x
@_deco
def _f338(x):
    return x
@_deco
def _f339(x):
    return x
@_deco
def _f340(x):
    return x
@_deco
def _f341(x):
    return x
@_deco
def _f342(x):
    return x
@_deco
def _f343(x):
    return x
@_deco
def _f344(x):
    return x
@_deco
def _f345(x):
    return x
@_deco
def _f346(x):
    return x
@_deco
def _f347(x):
    return x
@_deco
def _f348(x):
    return x
@_deco
def _f349(x):
    return x
@_deco
def _f350(x):
    return x
@_deco
def _f351(x):
    return x
@_deco
def _f352(x):
    return x
@_deco
def _f353(x):
    return x
@_deco
def _f354(x):
    return x
@_deco
def _f355(x):
    return x
@_deco
def _f356(x):
    return x
@_deco
def _f357(x):
    return x
@_deco
def _f358(x):
    return x
@_deco
def _f359(x):
    return x
@_deco
def _f360(x):
    return x
@_deco
def _f361(x):
    return x
@_deco
def _f362(x):
    return x
@_deco
def _f363(x):
    return x
@_deco
def _f364(x):
    return x
@_deco
def _f365(x):
    return x
@_deco
def _f366(x):
    return x
@_deco
def _f367(x):
    return x
@_deco
def _f368(x):
    return x
@_deco
def _f369(x):
    return x
@_deco
def _f370(x):
    return x
@_deco
def _f371(x):
    return x
@_deco
def _f372(x):
    return x
@_deco
def _f373(x):
    return x
@_deco
def _f374(x):
    return x
@_deco
def _f375(x):
    return x
@_deco
def _f376(x):
    return x
@_deco
def _f377(x):
    return x
@_deco
def _f378(x):
    return x
@_deco
def _f379(x):
    return x
@_deco
def _f380(x):
    return x
@_deco
def _f381(x):
    return x
@_deco
def _f382(x):
    return x
@_deco
def _f383(x):
    return x
@_deco
def _f384(x):
    return x
@_deco
def _f385(x):
    return x
@_deco
def _f386(x):
    return x
@_deco
def _f387(x):
    return x
@_deco
def _f388(x):
    return x
@_deco
def _f389(x):
    return x
@_deco
def _f390(x):
    return x
@_deco
def _f391(x):
    return x
@_deco
def _f392(x):
    return x
@_deco
def _f393(x):
    return x
@_deco
def _f394(x):
    return x
@_deco
def _f395(x):
    return x
@_deco
def _f396(x):
    return x
@_deco
def _f397(x):
    return x
@_deco
def _f398(x):
    return x
@_deco
def _f399(x):
    return x
@_deco
def _f400(x):
    return x
@_deco
def _f401(x):
    return x
@_deco
def _f402(x):
    return x
@_deco
def _f403(x):
    return x
@_deco
def _f404(x):
    return x
@_deco
def _f405(x):
    return x
@_deco
def _f406(x):
    return x
@_deco
def _f407(x):
    return x
@_deco
def _f408(x):
    return x
@_deco
def _f409(x):
    return x
@_deco
def _f410(x):
    return x
@_deco
def _f411(x):
    return x
@_deco
def _f412(x):
    return x
@_deco
def _f413(x):
    return x
@_deco
def _f414(x):
    return x
@_deco
def _f415(x):
    return x
@_deco
def _f416(x):
    return x
@_deco
def _f417(x):
    return x
@_deco
def _f418(x):
    return x
@_deco
def _f419(x):
    return x
@_deco
def _f420(x):
    return x
@_deco
def _f421(x):
    return x
@_deco
def _f422(x):
    return x
@_deco
def _f423(x):
    return x
@_deco
def _f424(x):
    return x
@_deco
def _f425(x):
    return x
@_deco
def _f426(x):
    return x
@_deco
def _f427(x):
    return x
@_deco
def _f428(x):
    return x
@_deco
def _f429(x):
    return x
@_deco
def _f430(x):
    return x
@_deco
def _f431(x):
    return x
@_deco
def _f432(x):
    return x
@_deco
def _f433(x):
    return x
@_deco
def _f434(x):
    return x
@_deco
def _f435(x):
    return x
@_deco
def _f436(x):
    return x
@_deco
def _f437(x):
    return x
@_deco
def _f438(x):
    return x
@_deco
def _f439(x):
    return x
@_deco
def _f440(x):
    return x
@_deco
def _f441(x):
    return x
@_deco
def _f442(x):
    return x
@_deco
def _f443(x):
    return x
@_deco
def _f444(x):
    return x
@_deco
def _f445(x):
    return x
@_deco
def _f446(x):
    return x
@_deco
def _f447(x):
    return x
@_deco
def _f448(x):
    return x
@_deco
def _f449(x):
    return x
@_deco
def _f450(x):
    return x
@_deco
def _f451(x):
    return x
@_deco
def _f452(x):
    return x
@_deco
def _f453(x):
    return x
@_deco
def _f454(x):
    return x
@_deco
def _f455(x):
    return x
@_deco
def _f456(x):
    return x
@_deco
def _f457(x):
    return x
@_deco
def _f458(x):
    return x
@_deco
def _f459(x):
    return x
@_deco
def _f460(x):
    return x
@_deco
def _f461(x):
    return x
@_deco
def _f462(x):
    return x
@_deco
def _f463(x):
    return x
@_deco
def _f464(x):
    return x
@_deco
def _f465(x):
    return x
@_deco
def _f466(x):
    return x
@_deco
def _f467(x):
    return x
@_deco
def _f468(x):
    return x
@_deco
def _f469(x):
    return x
@_deco
def _f470(x):
    return x
@_deco
def _f471(x):
    return x
@_deco
def _f472(x):
    return x
@_deco
def _f473(x):
    return x
@_deco
def _f474(x):
    return x
@_deco
def _f475(x):
    return x
@_deco
def _f476(x):
    return x
@_deco
def _f477(x):
    return x
@_deco
def _f478(x):
    return x
@_deco
def _f479(x):
    return x
@_deco
def _f480(x):
    return x
@_deco
def _f481(x):
    return x
@_deco
def _f482(x):
    return x
@_deco
def _f483(x):
    return x
@_deco
def _f484(x):
    return x
@_deco
def _f485(x):
    return x
@_deco
def _f486(x):
    return x
@_deco
def _f487(x):
    return x
@_deco
def _f488(x):
    return x
@_deco
def _f489(x):
    return x
@_deco
def _f490(x):
    return x
@_deco
def _f491(x):
    return x
@_deco
def _f492(x):
    return x
@_deco
def _f493(x):
    return x
@_deco
def _f494(x):
    return x
@_deco
def _f495(x):
    return x
@_deco
def _f496(x):
    return x
@_deco
def _f497(x):
    return x
@_deco
def _f498(x):
    return x
@_deco
def _f499(x):
    return x
@_deco
def _f500(x):
    return x
@_deco
def _f501(x):
    return x
@_deco
def _f502(x):
    return x
@_deco
def _f503(x):
    return x
@_deco
def _f504(x):
    return x
@_deco
def _f505(x):
    return x
@_deco
def _f506(x):
    return x
@_deco
def _f507(x):
    return x
@_deco
def _f508(x):
    return x
@_deco
def _f509(x):
    return x
@_deco
def _f510(x):
    return x
@_deco
def _f511(x):
    return x
@_deco
def _f512(x):
    return x
@_deco
def _f513(x):
    return x
@_deco
def _f514(x):
    return x
@_deco
def _f515(x):
    return x
@_deco
def _f516(x):
    return x
@_deco
def _f517(x):
    return x
@_deco
def _f518(x):
    return x
@_deco
def _f519(x):
    return x
@_deco
def _f520(x):
    return x
@_deco
def _f521(x):
    return x
@_deco
def _f522(x):
    return x
@_deco
def _f523(x):
    return x
@_deco
def _f524(x):
    return x
@_deco
def _f525(x):
    return x
@_deco
def _f526(x):
    return x
@_deco
def _f527(x):
    return x
@_deco
def _f528(x):
    return x
@_deco
def _f529(x):
    return x
@_deco
def _f530(x):
    return x
@_deco
def _f531(x):
    return x
@_deco
def _f532(x):
    return x
@_deco
def _f533(x):
    return x
@_deco
def _f534(x):
    return x
@_deco
def _f535(x):
    return x
@_deco
def _f536(x):
    return x
@_deco
def _f537(x):
    return x
@_deco
def _f538(x):
    return x
@_deco
def _f539(x):
    return x
@_deco
def _f540(x):
    return x
@_deco
def _f541(x):
    return x
@_deco
def _f542(x):
    return x
@_deco
def _f543(x):
    return x
@_deco
def _f544(x):
    return x
@_deco
def _f545(x):
    return x
@_deco
def _f546(x):
    return x
@_deco
def _f547(x):
    return x
@_deco
def _f548(x):
    return x
@_deco
def _f549(x):
    return x
@_deco
def _f550(x):
    return x
@_deco
def _f551(x):
    return x
@_deco
def _f552(x):
    return x
@_deco
def _f553(x):
    return x
@_deco
def _f554(x):
    return x
@_deco
def _f555(x):
    return x
@_deco
def _f556(x):
    return x
@_deco
def _f557(x):
    return x
@_deco
def _f558(x):
    return x
@_deco
def _f559(x):
    return x
@_deco
def _f560(x):
    return x
@_deco
def _f561(x):
    return x
@_deco
def _f562(x):
    return x
@_deco
def _f563(x):
    return x
@_deco
def _f564(x):
    return x
@_deco
def _f565(x):
    return x
@_deco
def _f566(x):
    return x
@_deco
def _f567(x):
    return x
@_deco
def _f568(x):
    return x
@_deco
def _f569(x):
    return x
@_deco
def _f570(x):
    return x
@_deco
def _f571(x):
    return x
@_deco
def _f572(x):
    return x
@_deco
def _f573(x):
    return x
@_deco
def _f574(x):
    return x
@_deco
def _f575(x):
    return x
@_deco
def _f576(x):
    return x
@_deco
def _f577(x):
    return x
@_deco
def _f578(x):
    return x
@_deco
def _f579(x):
    return x
@_deco
def _f580(x):
    return x
@_deco
def _f581(x):
    return x
@_deco
def _f582(x):
    return x
@_deco
def _f583(x):
    return x
@_deco
def _f584(x):
    return x
@_deco
def _f585(x):
    return x
@_deco
def _f586(x):
    return x
@_deco
def _f587(x):
    return x
@_deco
def _f588(x):
    return x
@_deco
def _f589(x):
    return x
@_deco
def _f590(x):
    return x
@_deco
def _f591(x):
    return x
@_deco
def _f592(x):
    return x
@_deco
def _f593(x):
    return x
@_deco
def _f594(x):
    return x
@_deco
def _f595(x):
    return x
@_deco
def _f596(x):
    return x
@_deco
def _f597(x):
    return x
@_deco
def _f598(x):
    return x
@_deco
def _f599(x):
    return x
@_deco
def _f600(x):
    return x
@_deco
def _f601(x):
    return x
@_deco
def _f602(x):
    return x
@_deco
def _f603(x):
    return x
@_deco
def _f604(x):
    return x
@_deco
def _f605(x):
    return x
@_deco
def _f606(x):
    return x
@_deco
def _f607(x):
    return x
@_deco
def _f608(x):
    return x
@_deco
def _f609(x):
    return x
@_deco
def _f610(x):
    return x
@_deco
def _f611(x):
    return x
@_deco
def _f612(x):
    return x
@_deco
def _f613(x):
    return x
@_deco
def _f614(x):
    return x
@_deco
def _f615(x):
    return x
@_deco
def _f616(x):
    return x
@_deco
def _f617(x):
    return x
@_deco
def _f618(x):
    return x
@_deco
def _f619(x):
    return x
@_deco
def _f620(x):
    return x
@_deco
def _f621(x):
    return x
@_deco
def _f622(x):
    return x
@_deco
def _f623(x):
    return x
@_deco
def _f624(x):
    return x
@_deco
def _f625(x):
    return x
@_deco
def _f626(x):
    return x
@_deco
def _f627(x):
    return x
@_deco
def _f628(x):
    return x
@_deco
def _f629(x):
    return x
@_deco
def _f630(x):
    return x
@_deco
def _f631(x):
    return x
@_deco
def _f632(x):
    return x
@_deco
def _f633(x):
    return x
@_deco
def _f634(x):
    return x
@_deco
def _f635(x):
    return x
@_deco
def _f636(x):
    return x
@_deco
def _f637(x):
    return x
@_deco
def _f638(x):
    return x
@_deco
def _f639(x):
    return x
@_deco
def _f640(x):
    return x
@_deco
def _f641(x):
    return x
@_deco
def _f642(x):
    return x
@_deco
def _f643(x):
    return x
@_deco
def _f644(x):
    return x
@_deco
def _f645(x):
    return x
@_deco
def _f646(x):
    return x
@_deco
def _f647(x):
    return x
@_deco
def _f648(x):
    return x
@_deco
def _f649(x):
    return x
@_deco
def _f650(x):
    return x
@_deco
def _f651(x):
    return x
@_deco
def _f652(x):
    return x
@_deco
def _f653(x):
    return x
@_deco
def _f654(x):
    return x
@_deco
def _f655(x):
    return x
@_deco
def _f656(x):
    return x
@_deco
def _f657(x):
    return x
@_deco
def _f658(x):
    return x
@_deco
def _f659(x):
    return x
@_deco
def _f660(x):
    return x
@_deco
def _f661(x):
    return x
@_deco
def _f662(x):
    return x
@_deco
def _f663(x):
    return x
@_deco
def _f664(x):
    return x
@_deco
def _f665(x):
    return x
@_deco
def _f666(x):
    return x
@_deco
def _f667(x):
    return x
@_deco
def _f668(x):
    return x
@_deco
def _f669(x):
    return x
@_deco
def _f670(x):
    return x
@_deco
def _f671(x):
    return x
@_deco
def _f672(x):
    return x
@_deco
def _f673(x):
    return x
@_deco
def _f674(x):
    return x
@_deco
def _f675(x):
    return x
@_deco
def _f676(x):
    return x
@_deco
def _f677(x):
    return x
@_deco
def _f678(x):
    return x
@_deco
def _f679(x):
    return x
@_deco
def _f680(x):
    return x
@_deco
def _f681(x):
    return x
@_deco
def _f682(x):
    return x
@_deco
def _f683(x):
    return x
@_deco
def _f684(x):
    return x
@_deco
def _f685(x):
    return x
@_deco
def _f686(x):
    return x
@_deco
def _f687(x):
    return x
@_deco
def _f688(x):
    return x
@_deco
def _f689(x):
    return x
@_deco
def _f690(x):
    return x
@_deco
def _f691(x):
    return x
@_deco
def _f692(x):
    return x
@_deco
def _f693(x):
    return x
@_deco
def _f694(x):
    return x
@_deco
def _f695(x):
    return x
@_deco
def _f696(x):
    return x
@_deco
def _f697(x):
    return x
@_deco
def _f698(x):
    return x
@_deco
def _f699(x):
    return x
@_deco
def _f700(x):
    return x
@_deco
def _f701(x):
    return x
@_deco
def _f702(x):
    return x
@_deco
def _f703(x):
    return x
@_deco
def _f704(x):
    return x
@_deco
def _f705(x):
    return x
@_deco
def _f706(x):
    return x
@_deco
def _f707(x):
    return x
@_deco
def _f708(x):
    return x
@_deco
def _f709(x):
    return x
@_deco
def _f710(x):
    return x
@_deco
def _f711(x):
    return x
@_deco
def _f712(x):
    return x
@_deco
def _f713(x):
    return x
@_deco
def _f714(x):
    return x
@_deco
def _f715(x):
    return x
@_deco
def _f716(x):
    return x
@_deco
def _f717(x):
    return x
@_deco
def _f718(x):
    return x
@_deco
def _f719(x):
    return x
@_deco
def _f720(x):
    return x
@_deco
def _f721(x):
    return x
@_deco
def _f722(x):
    return x
@_deco
def _f723(x):
    return x
@_deco
def _f724(x):
    return x
@_deco
def _f725(x):
    return x
@_deco
def _f726(x):
    return x
@_deco
def _f727(x):
    return x
@_deco
def _f728(x):
    return x
@_deco
def _f729(x):
    return x
@_deco
def _f730(x):
    return x
@_deco
def _f731(x):
    return x
@_deco
def _f732(x):
    return x
@_deco
def _f733(x):
    return x
@_deco
def _f734(x):
    return x
@_deco
def _f735(x):
    return x
@_deco
def _f736(x):
    return x
@_deco
def _f737(x):
    return x
@_deco
def _f738(x):
    return x
@_deco
def _f739(x):
    return x
@_deco
def _f740(x):
    return x
@_deco
def _f741(x):
    return x
@_deco
def _f742(x):
    return x
@_deco
def _f743(x):
    return x
@_deco
def _f744(x):
    return x
@_deco
def _f745(x):
    return x
@_deco
def _f746(x):
    return x
@_deco
def _f747(x):
    return x
@_deco
def _f748(x):
    return x
@_deco
def _f749(x):
    return x
@_deco
def _f750(x):
    return x
@_deco
def _f751(x):
    return x
@_deco
def _f752(x):
    return x
@_deco
def _f753(x):
    return x
@_deco
def _f754(x):
    return x
@_deco
def _f755(x):
    return x
@_deco
def _f756(x):
    return x
@_deco
def _f757(x):
    return x
@_deco
def _f758(x):
    return x
@_deco
def _f759(x):
    return x
@_deco
def _f760(x):
    return x
@_deco
def _f761(x):
    return x
@_deco
def _f762(x):
    return x
@_deco
def _f763(x):
    return x
@_deco
def _f764(x):
    return x
@_deco
def _f765(x):
    return x
@_deco
def _f766(x):
    return x
@_deco
def _f767(x):
    return x
@_deco
def _f768(x):
    return x
@_deco
def _f769(x):
    return x
@_deco
def _f770(x):
    return x
@_deco
def _f771(x):
    return x
@_deco
def _f772(x):
    return x
@_deco
def _f773(x):
    return x
@_deco
def _f774(x):
    return x
@_deco
def _f775(x):
    return x
@_deco
def _f776(x):
    return x
@_deco
def _f777(x):
    return x
@_deco
def _f778(x):
    return x
@_deco
def _f779(x):
    return x
@_deco
def _f780(x):
    return x
@_deco
def _f781(x):
    return x
@_deco
def _f782(x):
    return x
@_deco
def _f783(x):
    return x
@_deco
def _f784(x):
    return x
@_deco
def _f785(x):
    return x
@_deco
def _f786(x):
    return x
@_deco
def _f787(x):
    return x
@_deco
def _f788(x):
    return x
@_deco
def _f789(x):
    return x
@_deco
def _f790(x):
    return x
@_deco
def _f791(x):
    return x
@_deco
def _f792(x):
    return x
@_deco
def _f793(x):
    return x
@_deco
def _f794(x):
    return x
@_deco
def _f795(x):
    return x
@_deco
def _f796(x):
    return x
@_deco
def _f797(x):
    return x
@_deco
def _f798(x):
    return x
@_deco
def _f799(x):
    return x
@_deco
def _f800(x):
    return x
@_deco
def _f801(x):
    return x
@_deco
def _f802(x):
    return x
@_deco
def _f803(x):
    return x
@_deco
def _f804(x):
    return x
@_deco
def _f805(x):
    return x
@_deco
def _f806(x):
    return x
@_deco
def _f807(x):
    return x
@_deco
def _f808(x):
    return x
@_deco
def _f809(x):
    return x
@_deco
def _f810(x):
    return x
@_deco
def _f811(x):
    return x
@_deco
def _f812(x):
    return x
@_deco
def _f813(x):
    return x
@_deco
def _f814(x):
    return x
@_deco
def _f815(x):
    return x
@_deco
def _f816(x):
    return x
@_deco
def _f817(x):
    return x
@_deco
def _f818(x):
    return x
@_deco
def _f819(x):
    return x
@_deco
def _f820(x):
    return x
@_deco
def _f821(x):
    return x
@_deco
def _f822(x):
    return x
@_deco
def _f823(x):
    return x
@_deco
def _f824(x):
    return x
@_deco
def _f825(x):
    return x
@_deco
def _f826(x):
    return x
@_deco
def _f827(x):
    return x
@_deco
def _f828(x):
    return x
@_deco
def _f829(x):
    return x
@_deco
def _f830(x):
    return x
@_deco
def _f831(x):
    return x
@_deco
def _f832(x):
    return x
@_deco
def _f833(x):
    return x
@_deco
def _f834(x):
    return x
@_deco
def _f835(x):
    return x
@_deco
def _f836(x):
    return x
@_deco
def _f837(x):
    return x
@_deco
def _f838(x):
    return x
@_deco
def _f839(x):
    return x
@_deco
def _f840(x):
    return x
@_deco
def _f841(x):
    return x
@_deco
def _f842(x):
    return x
@_deco
def _f843(x):
    return x
@_deco
def _f844(x):
    return x
@_deco
def _f845(x):
    return x
@_deco
def _f846(x):
    return x
@_deco
def _f847(x):
    return x
@_deco
def _f848(x):
    return x
@_deco
def _f849(x):
    return x
@_deco
def _f850(x):
    return x
@_deco
def _f851(x):
    return x
@_deco
def _f852(x):
    return x
@_deco
def _f853(x):
    return x
@_deco
def _f854(x):
    return x
@_deco
def _f855(x):
    return x
@_deco
def _f856(x):
    return x
@_deco
def _f857(x):
    return x
@_deco
def _f858(x):
    return x
@_deco
def _f859(x):
    return x
@_deco
def _f860(x):
    return x
@_deco
def _f861(x):
    return x
@_deco
def _f862(x):
    return x
@_deco
def _f863(x):
    return x
@_deco
def _f864(x):
    return x
@_deco
def _f865(x):
    return x
@_deco
def _f866(x):
    return x
@_deco
def _f867(x):
    return x
@_deco
def _f868(x):
    return x
@_deco
def _f869(x):
    return x
@_deco
def _f870(x):
    return x
@_deco
def _f871(x):
    return x
@_deco
def _f872(x):
    return x
@_deco
def _f873(x):
    return x
@_deco
def _f874(x):
    return x
@_deco
def _f875(x):
    return x
@_deco
def _f876(x):
    return x
@_deco
def _f877(x):
    return x
@_deco
def _f878(x):
    return x
@_deco
def _f879(x):
    return x
@_deco
def _f880(x):
    return x
@_deco
def _f881(x):
    return x
@_deco
def _f882(x):
    return x
@_deco
def _f883(x):
    return x
@_deco
def _f884(x):
    return x
@_deco
def _f885(x):
    return x
@_deco
def _f886(x):
    return x
@_deco
def _f887(x):
    return x
@_deco
def _f888(x):
    return x
@_deco
def _f889(x):
    return x
@_deco
def _f890(x):
    return x
@_deco
def _f891(x):
    return x
@_deco
def _f892(x):
    return x
@_deco
def _f893(x):
    return x
@_deco
def _f894(x):
    return x
@_deco
def _f895(x):
    return x
@_deco
def _f896(x):
    return x
@_deco
def _f897(x):
    return x
@_deco
def _f898(x):
    return x
@_deco
def _f899(x):
    return x
@_deco
def _f900(x):
    return x
@_deco
def _f901(x):
    return x
@_deco
def _f902(x):
    return x
@_deco
def _f903(x):
    return x
@_deco
def _f904(x):
    return x
@_deco
def _f905(x):
    return x
@_deco
def _f906(x):
    return x
@_deco
def _f907(x):
    return x
@_deco
def _f908(x):
    return x
@_deco
def _f909(x):
    return x
@_deco
def _f910(x):
    return x
@_deco
def _f911(x):
    return x
@_deco
def _f912(x):
    return x
@_deco
def _f913(x):
    return x
@_deco
def _f914(x):
    return x
@_deco
def _f915(x):
    return x
@_deco
def _f916(x):
    return x
@_deco
def _f917(x):
    return x
@_deco
def _f918(x):
    return x
@_deco
def _f919(x):
    return x
@_deco
def _f920(x):
    return x
@_deco
def _f921(x):
    return x
@_deco
def _f922(x):
    return x
@_deco
def _f923(x):
    return x
@_deco
def _f924(x):
    return x
@_deco
def _f925(x):
    return x
@_deco
def _f926(x):
    return x
@_deco
def _f927(x):
    return x
@_deco
def _f928(x):
    return x
@_deco
def _f929(x):
    return x
@_deco
def _f930(x):
    return x
@_deco
def _f931(x):
    return x
@_deco
def _f932(x):
    return x
@_deco
def _f933(x):
    return x
@_deco
def _f934(x):
    return x
@_deco
def _f935(x):
    return x
@_deco
def _f936(x):
    return x
@_deco
def _f937(x):
    return x
@_deco
def _f938(x):
    return x
@_deco
def _f939(x):
    return x
@_deco
def _f940(x):
    return x
@_deco
def _f941(x):
    return x
@_deco
def _f942(x):
    return x
@_deco
def _f943(x):
    return x
@_deco
def _f944(x):
    return x
@_deco
def _f945(x):
    return x
@_deco
def _f946(x):
    return x
@_deco
def _f947(x):
    return x
@_deco
def _f948(x):
    return x
@_deco
def _f949(x):
    return x
@_deco
def _f950(x):
    return x
@_deco
def _f951(x):
    return x
@_deco
def _f952(x):
    return x
@_deco
def _f953(x):
    return x
@_deco
def _f954(x):
    return x
@_deco
def _f955(x):
    return x
@_deco
def _f956(x):
    return x
@_deco
def _f957(x):
    return x
@_deco
def _f958(x):
    return x
@_deco
def _f959(x):
    return x
@_deco
def _f960(x):
    return x
@_deco
def _f961(x):
    return x
@_deco
def _f962(x):
    return x
@_deco
def _f963(x):
    return x
@_deco
def _f964(x):
    return x
@_deco
def _f965(x):
    return x
@_deco
def _f966(x):
    return x
@_deco
def _f967(x):
    return x
@_deco
def _f968(x):
    return x
@_deco
def _f969(x):
    return x
@_deco
def _f970(x):
    return x
@_deco
def _f971(x):
    return x
@_deco
def _f972(x):
    return x
@_deco
def _f973(x):
    return x
@_deco
def _f974(x):
    return x
@_deco
def _f975(x):
    return x
@_deco
def _f976(x):
    return x
@_deco
def _f977(x):
    return x
@_deco
def _f978(x):
    return x
@_deco
def _f979(x):
    return x
@_deco
def _f980(x):
    return x
@_deco
def _f981(x):
    return x
@_deco
def _f982(x):
    return x
@_deco
def _f983(x):
    return x
@_deco
def _f984(x):
    return x
@_deco
def _f985(x):
    return x
@_deco
def _f986(x):
    return x
@_deco
def _f987(x):
    return x
@_deco
def _f988(x):
    return x
@_deco
def _f989(x):
    return x
@_deco
def _f990(x):
    return x
@_deco
def _f991(x):
    return x
@_deco
def _f992(x):
    return x
@_deco
def _f993(x):
    return x
@_deco
def _f994(x):
    return x
@_deco
def _f995(x):
    return x
@_deco
def _f996(x):
    return x
@_deco
def _f997(x):
    return x
@_deco
def _f998(x):
    return x
@_deco
def _f999(x):
    return x
@_deco
def _f1000(x):
    return x
@_deco
def _f1001(x):
    return x
@_deco
def _f1002(x):
    return x
@_deco
def _f1003(x):
    return x
@_deco
def _f1004(x):
    return x
@_deco
def _f1005(x):
    return x
@_deco
def _f1006(x):
    return x
@_deco
def _f1007(x):
    return x
@_deco
def _f1008(x):
    return x
@_deco
def _f1009(x):
    return x
@_deco
def _f1010(x):
    return x
@_deco
def _f1011(x):
    return x
@_deco
def _f1012(x):
    return x
@_deco
def _f1013(x):
    return x
@_deco
def _f1014(x):
    return x
@_deco
def _f1015(x):
    return x
@_deco
def _f1016(x):
    return x
@_deco
def _f1017(x):
    return x
@_deco
def _f1018(x):
    return x
@_deco
def _f1019(x):
    return x
@_deco
def _f1020(x):
    return x
@_deco
def _f1021(x):
    return x
@_deco
def _f1022(x):
    return x
@_deco
def _f1023(x):
    return x
@_deco
def _f1024(x):
    return x
@_deco
def _f1025(x):
    return x
@_deco
def _f1026(x):
    return x
@_deco
def _f1027(x):
    return x
@_deco
def _f1028(x):
    return x
@_deco
def _f1029(x):
    return x
@_deco
def _f1030(x):
    return x
@_deco
def _f1031(x):
    return x
@_deco
def _f1032(x):
    return x
@_deco
def _f1033(x):
    return x
@_deco
def _f1034(x):
    return x
@_deco
def _f1035(x):
    return x
@_deco
def _f1036(x):
    return x
@_deco
def _f1037(x):
    return x
@_deco
def _f1038(x):
    return x
@_deco
def _f1039(x):
    return x
@_deco
def _f1040(x):
    return x
@_deco
def _f1041(x):
    return x
@_deco
def _f1042(x):
    return x
@_deco
def _f1043(x):
    return x
@_deco
def _f1044(x):
    return x
@_deco
def _f1045(x):
    return x
@_deco
def _f1046(x):
    return x
@_deco
def _f1047(x):
    return x
@_deco
def _f1048(x):
    return x
@_deco
def _f1049(x):
    return x
@_deco
def _f1050(x):
    return x
@_deco
def _f1051(x):
    return x
@_deco
def _f1052(x):
    return x
@_deco
def _f1053(x):
    return x
@_deco
def _f1054(x):
    return x
@_deco
def _f1055(x):
    return x
@_deco
def _f1056(x):
    return x
@_deco
def _f1057(x):
    return x
@_deco
def _f1058(x):
    return x
@_deco
def _f1059(x):
    return x
@_deco
def _f1060(x):
    return x
@_deco
def _f1061(x):
    return x
@_deco
def _f1062(x):
    return x
@_deco
def _f1063(x):
    return x
@_deco
def _f1064(x):
    return x
@_deco
def _f1065(x):
    return x
@_deco
def _f1066(x):
    return x
@_deco
def _f1067(x):
    return x
@_deco
def _f1068(x):
    return x
@_deco
def _f1069(x):
    return x
@_deco
def _f1070(x):
    return x
@_deco
def _f1071(x):
    return x
@_deco
def _f1072(x):
    return x
@_deco
def _f1073(x):
    return x
@_deco
def _f1074(x):
    return x
@_deco
def _f1075(x):
    return x
@_deco
def _f1076(x):
    return x
@_deco
def _f1077(x):
    return x
@_deco
def _f1078(x):
    return x
@_deco
def _f1079(x):
    return x
@_deco
def _f1080(x):
    return x
@_deco
def _f1081(x):
    return x
@_deco
def _f1082(x):
    return x
@_deco
def _f1083(x):
    return x
@_deco
def _f1084(x):
    return x
@_deco
def _f1085(x):
    return x
@_deco
def _f1086(x):
    return x
@_deco
def _f1087(x):
    return x
@_deco
def _f1088(x):
    return x
@_deco
def _f1089(x):
    return x
@_deco
def _f1090(x):
    return x
@_deco
def _f1091(x):
    return x
@_deco
def _f1092(x):
    return x
@_deco
def _f1093(x):
    return x
@_deco
def _f1094(x):
    return x
@_deco
def _f1095(x):
    return x
@_deco
def _f1096(x):
    return x
@_deco
def _f1097(x):
    return x
@_deco
def _f1098(x):
    return x
@_deco
def _f1099(x):
    return x
@_deco
def _f1100(x):
    return x
@_deco
def _f1101(x):
    return x
@_deco
def _f1102(x):
    return x
@_deco
def _f1103(x):
    return x
@_deco
def _f1104(x):
    return x
@_deco
def _f1105(x):
    return x
@_deco
def _f1106(x):
    return x
@_deco
def _f1107(x):
    return x
@_deco
def _f1108(x):
    return x
@_deco
def _f1109(x):
    return x
@_deco
def _f1110(x):
    return x
@_deco
def _f1111(x):
    return x
@_deco
def _f1112(x):
    return x
@_deco
def _f1113(x):
    return x
@_deco
def _f1114(x):
    return x
@_deco
def _f1115(x):
    return x
@_deco
def _f1116(x):
    return x
@_deco
def _f1117(x):
    return x
@_deco
def _f1118(x):
    return x
@_deco
def _f1119(x):
    return x
@_deco
def _f1120(x):
    return x
@_deco
def _f1121(x):
    return x
@_deco
def _f1122(x):
    return x
@_deco
def _f1123(x):
    return x
@_deco
def _f1124(x):
    return x
@_deco
def _f1125(x):
    return x
@_deco
def _f1126(x):
    return x
@_deco
def _f1127(x):
    return x
@_deco
def _f1128(x):
    return x
@_deco
def _f1129(x):
    return x
@_deco
def _f1130(x):
    return x
@_deco
def _f1131(x):
    return x
@_deco
def _f1132(x):
    return x
@_deco
def _f1133(x):
    return x
@_deco
def _f1134(x):
    return x
@_deco
def _f1135(x):
    return x
@_deco
def _f1136(x):
    return x
@_deco
def _f1137(x):
    return x
@_deco
def _f1138(x):
    return x
@_deco
def _f1139(x):
    return x
@_deco
def _f1140(x):
    return x
@_deco
def _f1141(x):
    return x
@_deco
def _f1142(x):
    return x
@_deco
def _f1143(x):
    return x
@_deco
def _f1144(x):
    return x
@_deco
def _f1145(x):
    return x
@_deco
def _f1146(x):
    return x
@_deco
def _f1147(x):
    return x
@_deco
def _f1148(x):
    return x
@_deco
def _f1149(x):
    return x
@_deco
def _f1150(x):
    return x
@_deco
def _f1151(x):
    return x
@_deco
def _f1152(x):
    return x
@_deco
def _f1153(x):
    return x
@_deco
def _f1154(x):
    return x
@_deco
def _f1155(x):
    return x
@_deco
def _f1156(x):
    return x
@_deco
def _f1157(x):
    return x
@_deco
def _f1158(x):
    return x
@_deco
def _f1159(x):
    return x
@_deco
def _f1160(x):
    return x
@_deco
def _f1161(x):
    return x
@_deco
def _f1162(x):
    return x
@_deco
def _f1163(x):
    return x
@_deco
def _f1164(x):
    return x
@_deco
def _f1165(x):
    return x
@_deco
def _f1166(x):
    return x
@_deco
def _f1167(x):
    return x
@_deco
def _f1168(x):
    return x
@_deco
def _f1169(x):
    return x
@_deco
def _f1170(x):
    return x
@_deco
def _f1171(x):
    return x
@_deco
def _f1172(x):
    return x
@_deco
def _f1173(x):
    return x
@_deco
def _f1174(x):
    return x
@_deco
def _f1175(x):
    return x
@_deco
def _f1176(x):
    return x
@_deco
def _f1177(x):
    return x
@_deco
def _f1178(x):
    return x
@_deco
def _f1179(x):
    return x
@_deco
def _f1180(x):
    return x
@_deco
def _f1181(x):
    return x
@_deco
def _f1182(x):
    return x
@_deco
def _f1183(x):
    return x
@_deco
def _f1184(x):
    return x
@_deco
def _f1185(x):
    return x
@_deco
def _f1186(x):
    return x
@_deco
def _f1187(x):
    return x
@_deco
def _f1188(x):
    return x
@_deco
def _f1189(x):
    return x
@_deco
def _f1190(x):
    return x
@_deco
def _f1191(x):
    return x
@_deco
def _f1192(x):
    return x
@_deco
def _f1193(x):
    return x
@_deco
def _f1194(x):
    return x
@_deco
def _f1195(x):
    return x
@_deco
def _f1196(x):
    return x
@_deco
def _f1197(x):
    return x
@_deco
def _f1198(x):
    return x
@_deco
def _f1199(x):
    return x
@_deco
def _f1200(x):
    return x
@_deco
def _f1201(x):
    return x
@_deco
def _f1202(x):
    return x
@_deco
def _f1203(x):
    return x
@_deco
def _f1204(x):
    return x
@_deco
def _f1205(x):
    return x
@_deco
def _f1206(x):
    return x
@_deco
def _f1207(x):
    return x
@_deco
def _f1208(x):
    return x
@_deco
def _f1209(x):
    return x
@_deco
def _f1210(x):
    return x
@_deco
def _f1211(x):
    return x
@_deco
def _f1212(x):
    return x
@_deco
def _f1213(x):
    return x
@_deco
def _f1214(x):
    return x
@_deco
def _f1215(x):
    return x
@_deco
def _f1216(x):
    return x
@_deco
def _f1217(x):
    return x
@_deco
def _f1218(x):
    return x
@_deco
def _f1219(x):
    return x
@_deco
def _f1220(x):
    return x
@_deco
def _f1221(x):
    return x
@_deco
def _f1222(x):
    return x
@_deco
def _f1223(x):
    return x
@_deco
def _f1224(x):
    return x
@_deco
def _f1225(x):
    return x
@_deco
def _f1226(x):
    return x
@_deco
def _f1227(x):
    return x
@_deco
def _f1228(x):
    return x
@_deco
def _f1229(x):
    return x
@_deco
def _f1230(x):
    return x
@_deco
def _f1231(x):
    return x
@_deco
def _f1232(x):
    return x
@_deco
def _f1233(x):
    return x
@_deco
def _f1234(x):
    return x
@_deco
def _f1235(x):
    return x
@_deco
def _f1236(x):
    return x
@_deco
def _f1237(x):
    return x
@_deco
def _f1238(x):
    return x
@_deco
def _f1239(x):
    return x
@_deco
def _f1240(x):
    return x
@_deco
def _f1241(x):
    return x
@_deco
def _f1242(x):
    return x
@_deco
def _f1243(x):
    return x
@_deco
def _f1244(x):
    return x
@_deco
def _f1245(x):
    return x
@_deco
def _f1246(x):
    return x
@_deco
def _f1247(x):
    return x
@_deco
def _f1248(x):
    return x
@_deco
def _f1249(x):
    return x
@_deco
def _f1250(x):
    return x
@_deco
def _f1251(x):
    return x
@_deco
def _f1252(x):
    return x
@_deco
def _f1253(x):
    return x
@_deco
def _f1254(x):
    return x
@_deco
def _f1255(x):
    return x
@_deco
def _f1256(x):
    return x
@_deco
def _f1257(x):
    return x
@_deco
def _f1258(x):
    return x
@_deco
def _f1259(x):
    return x
@_deco
def _f1260(x):
    return x
@_deco
def _f1261(x):
    return x
@_deco
def _f1262(x):
    return x
@_deco
def _f1263(x):
    return x
@_deco
def _f1264(x):
    return x
@_deco
def _f1265(x):
    return x
@_deco
def _f1266(x):
    return x
@_deco
def _f1267(x):
    return x
@_deco
def _f1268(x):
    return x
@_deco
def _f1269(x):
    return x
@_deco
def _f1270(x):
    return x
@_deco
def _f1271(x):
    return x
@_deco
def _f1272(x):
    return x
@_deco
def _f1273(x):
    return x
@_deco
def _f1274(x):
    return x
@_deco
def _f1275(x):
    return x
@_deco
def _f1276(x):
    return x
@_deco
def _f1277(x):
    return x
@_deco
def _f1278(x):
    return x
@_deco
def _f1279(x):
    return x
@_deco
def _f1280(x):
    return x
@_deco
def _f1281(x):
    return x
@_deco
def _f1282(x):
    return x
@_deco
def _f1283(x):
    return x
@_deco
def _f1284(x):
    return x
@_deco
def _f1285(x):
    return x
@_deco
def _f1286(x):
    return x
@_deco
def _f1287(x):
    return x
@_deco
def _f1288(x):
    return x
@_deco
def _f1289(x):
    return x
@_deco
def _f1290(x):
    return x
@_deco
def _f1291(x):
    return x
@_deco
def _f1292(x):
    return x
@_deco
def _f1293(x):
    return x
@_deco
def _f1294(x):
    return x
@_deco
def _f1295(x):
    return x
@_deco
def _f1296(x):
    return x
@_deco
def _f1297(x):
    return x
@_deco
def _f1298(x):
    return x
@_deco
def _f1299(x):
    return x
@_deco
def _f1300(x):
    return x
@_deco
def _f1301(x):
    return x
@_deco
def _f1302(x):
    return x
@_deco
def _f1303(x):
    return x
@_deco
def _f1304(x):
    return x
@_deco
def _f1305(x):
    return x
@_deco
def _f1306(x):
    return x
@_deco
def _f1307(x):
    return x
@_deco
def _f1308(x):
    return x
@_deco
def _f1309(x):
    return x
@_deco
def _f1310(x):
    return x
@_deco
def _f1311(x):
    return x
@_deco
def _f1312(x):
    return x
@_deco
def _f1313(x):
    return x
@_deco
def _f1314(x):
    return x
@_deco
def _f1315(x):
    return x
@_deco
def _f1316(x):
    return x
@_deco
def _f1317(x):
    return x
@_deco
def _f1318(x):
    return x
@_deco
def _f1319(x):
    return x
@_deco
def _f1320(x):
    return x
@_deco
def _f1321(x):
    return x
@_deco
def _f1322(x):
    return x
@_deco
def _f1323(x):
    return x
@_deco
def _f1324(x):
    return x
@_deco
def _f1325(x):
    return x
@_deco
def _f1326(x):
    return x
@_deco
def _f1327(x):
    return x
@_deco
def _f1328(x):
    return x
@_deco
def _f1329(x):
    return x
@_deco
def _f1330(x):
    return x
@_deco
def _f1331(x):
    return x
@_deco
def _f1332(x):
    return x
@_deco
def _f1333(x):
    return x
@_deco
def _f1334(x):
    return x
@_deco
def _f1335(x):
    return x
@_deco
def _f1336(x):
    return x
@_deco
def _f1337(x):
    return x
@_deco
def _f1338(x):
    return x
@_deco
def _f1339(x):
    return x
@_deco
def _f1340(x):
    return x
@_deco
def _f1341(x):
    return x
@_deco
def _f1342(x):
    return x
@_deco
def _f1343(x):
    return x
@_deco
def _f1344(x):
    return x
@_deco
def _f1345(x):
    return x
@_deco
def _f1346(x):
    return x
@_deco
def _f1347(x):
    return x
@_deco
def _f1348(x):
    return x
@_deco
def _f1349(x):
    return x
@_deco
def _f1350(x):
    return x
@_deco
def _f1351(x):
    return x
@_deco
def _f1352(x):
    return x
@_deco
def _f1353(x):
    return x
@_deco
def _f1354(x):
    return x
@_deco
def _f1355(x):
    return x
@_deco
def _f1356(x):
    return x
@_deco
def _f1357(x):
    return x
@_deco
def _f1358(x):
    return x
@_deco
def _f1359(x):
    return x
@_deco
def _f1360(x):
    return x
@_deco
def _f1361(x):
    return x
@_deco
def _f1362(x):
    return x
@_deco
def _f1363(x):
    return x
@_deco
def _f1364(x):
    return x
@_deco
def _f1365(x):
    return x
@_deco
def _f1366(x):
    return x
@_deco
def _f1367(x):
    return x
@_deco
def _f1368(x):
    return x
@_deco
def _f1369(x):
    return x
@_deco
def _f1370(x):
    return x
@_deco
def _f1371(x):
    return x
@_deco
def _f1372(x):
    return x
@_deco
def _f1373(x):
    return x
@_deco
def _f1374(x):
    return x
@_deco
def _f1375(x):
    return x
@_deco
def _f1376(x):
    return x
@_deco
def _f1377(x):
    return x
@_deco
def _f1378(x):
    return x
@_deco
def _f1379(x):
    return x
@_deco
def _f1380(x):
    return x
@_deco
def _f1381(x):
    return x
@_deco
def _f1382(x):
    return x
@_deco
def _f1383(x):
    return x
@_deco
def _f1384(x):
    return x
@_deco
def _f1385(x):
    return x
@_deco
def _f1386(x):
    return x
@_deco
def _f1387(x):
    return x
@_deco
def _f1388(x):
    return x
@_deco
def _f1389(x):
    return x
@_deco
def _f1390(x):
    return x
@_deco
def _f1391(x):
    return x
@_deco
def _f1392(x):
    return x
@_deco
def _f1393(x):
    return x
@_deco
def _f1394(x):
    return x
@_deco
def _f1395(x):
    return x
@_deco
def _f1396(x):
    return x
@_deco
def _f1397(x):
    return x
@_deco
def _f1398(x):
    return x
@_deco
def _f1399(x):
    return x
@_deco
def _f1400(x):
    return x
@_deco
def _f1401(x):
    return x
@_deco
def _f1402(x):
    return x
@_deco
def _f1403(x):
    return x
@_deco
def _f1404(x):
    return x
@_deco
def _f1405(x):
    return x
@_deco
def _f1406(x):
    return x
@_deco
def _f1407(x):
    return x
@_deco
def _f1408(x):
    return x
@_deco
def _f1409(x):
    return x
@_deco
def _f1410(x):
    return x
@_deco
def _f1411(x):
    return x
@_deco
def _f1412(x):
    return x
@_deco
def _f1413(x):
    return x
@_deco
def _f1414(x):
    return x
@_deco
def _f1415(x):
    return x
@_deco
def _f1416(x):
    return x
@_deco
def _f1417(x):
    return x
@_deco
def _f1418(x):
    return x
@_deco
def _f1419(x):
    return x
@_deco
def _f1420(x):
    return x
@_deco
def _f1421(x):
    return x
@_deco
def _f1422(x):
    return x
@_deco
def _f1423(x):
    return x
@_deco
def _f1424(x):
    return x
@_deco
def _f1425(x):
    return x
@_deco
def _f1426(x):
    return x
@_deco
def _f1427(x):
    return x
@_deco
def _f1428(x):
    return x
@_deco
def _f1429(x):
    return x
@_deco
def _f1430(x):
    return x
@_deco
def _f1431(x):
    return x
@_deco
def _f1432(x):
    return x
@_deco
def _f1433(x):
    return x
@_deco
def _f1434(x):
    return x
@_deco
def _f1435(x):
    return x
@_deco
def _f1436(x):
    return x
@_deco
def _f1437(x):
    return x
@_deco
def _f1438(x):
    return x
@_deco
def _f1439(x):
    return x
@_deco
def _f1440(x):
    return x
@_deco
def _f1441(x):
    return x
@_deco
def _f1442(x):
    return x
@_deco
def _f1443(x):
    return x
@_deco
def _f1444(x):
    return x
@_deco
def _f1445(x):
    return x
@_deco
def _f1446(x):
    return x
@_deco
def _f1447(x):
    return x
@_deco
def _f1448(x):
    return x
@_deco
def _f1449(x):
    return x
@_deco
def _f1450(x):
    return x
@_deco
def _f1451(x):
    return x
@_deco
def _f1452(x):
    return x
@_deco
def _f1453(x):
    return x
@_deco
def _f1454(x):
    return x
@_deco
def _f1455(x):
    return x
@_deco
def _f1456(x):
    return x
@_deco
def _f1457(x):
    return x
@_deco
def _f1458(x):
    return x
@_deco
def _f1459(x):
    return x
@_deco
def _f1460(x):
    return x
@_deco
def _f1461(x):
    return x
@_deco
def _f1462(x):
    return x
@_deco
def _f1463(x):
    return x
@_deco
def _f1464(x):
    return x
@_deco
def _f1465(x):
    return x
@_deco
def _f1466(x):
    return x
@_deco
def _f1467(x):
    return x
@_deco
def _f1468(x):
    return x
@_deco
def _f1469(x):
    return x
@_deco
def _f1470(x):
    return x
@_deco
def _f1471(x):
    return x
@_deco
def _f1472(x):
    return x
@_deco
def _f1473(x):
    return x
@_deco
def _f1474(x):
    return x
@_deco
def _f1475(x):
    return x
@_deco
def _f1476(x):
    return x
@_deco
def _f1477(x):
    return x
@_deco
def _f1478(x):
    return x
@_deco
def _f1479(x):
    return x
@_deco
def _f1480(x):
    return x
@_deco
def _f1481(x):
    return x
@_deco
def _f1482(x):
    return x
@_deco
def _f1483(x):
    return x
@_deco
def _f1484(x):
    return x
@_deco
def _f1485(x):
    return x
@_deco
def _f1486(x):
    return x
@_deco
def _f1487(x):
    return x
@_deco
def _f1488(x):
    return x
@_deco
def _f1489(x):
    return x
@_deco
def _f1490(x):
    return x
@_deco
def _f1491(x):
    return x
@_deco
def _f1492(x):
    return x
@_deco
def _f1493(x):
    return x
@_deco
def _f1494(x):
    return x
@_deco
def _f1495(x):
    return x
@_deco
def _f1496(x):
    return x
@_deco
def _f1497(x):
    return x
@_deco
def _f1498(x):
    return x
@_deco
def _f1499(x):
    return x
@_deco
def _f1500(x):
    return x
@_deco
def _f1501(x):
    return x
@_deco
def _f1502(x):
    return x
@_deco
def _f1503(x):
    return x
@_deco
def _f1504(x):
    return x
@_deco
def _f1505(x):
    return x
@_deco
def _f1506(x):
    return x
@_deco
def _f1507(x):
    return x
@_deco
def _f1508(x):
    return x
@_deco
def _f1509(x):
    return x
@_deco
def _f1510(x):
    return x
@_deco
def _f1511(x):
    return x
@_deco
def _f1512(x):
    return x
@_deco
def _f1513(x):
    return x
@_deco
def _f1514(x):
    return x
@_deco
def _f1515(x):
    return x
@_deco
def _f1516(x):
    return x
@_deco
def _f1517(x):
    return x
@_deco
def _f1518(x):
    return x
@_deco
def _f1519(x):
    return x
@_deco
def _f1520(x):
    return x
@_deco
def _f1521(x):
    return x
@_deco
def _f1522(x):
    return x
@_deco
def _f1523(x):
    return x
@_deco
def _f1524(x):
    return x
@_deco
def _f1525(x):
    return x
@_deco
def _f1526(x):
    return x
@_deco
def _f1527(x):
    return x
@_deco
def _f1528(x):
    return x
@_deco
def _f1529(x):
    return x
@_deco
def _f1530(x):
    return x
@_deco
def _f1531(x):
    return x
@_deco
def _f1532(x):
    return x
@_deco
def _f1533(x):
    return x
@_deco
def _f1534(x):
    return x
@_deco
def _f1535(x):
    return x
@_deco
def _f1536(x):
    return x
@_deco
def _f1537(x):
    return x
@_deco
def _f1538(x):
    return x
@_deco
def _f1539(x):
    return x
@_deco
def _f1540(x):
    return x
@_deco
def _f1541(x):
    return x
@_deco
def _f1542(x):
    return x
@_deco
def _f1543(x):
    return x
@_deco
def _f1544(x):
    return x
@_deco
def _f1545(x):
    return x
@_deco
def _f1546(x):
    return x
@_deco
def _f1547(x):
    return x
@_deco
def _f1548(x):
    return x
@_deco
def _f1549(x):
    return x
@_deco
def _f1550(x):
    return x
@_deco
def _f1551(x):
    return x
@_deco
def _f1552(x):
    return x
@_deco
def _f1553(x):
    return x
@_deco
def _f1554(x):
    return x
@_deco
def _f1555(x):
    return x
@_deco
def _f1556(x):
    return x
@_deco
def _f1557(x):
    return x
@_deco
def _f1558(x):
    return x
@_deco
def _f1559(x):
    return x
@_deco
def _f1560(x):
    return x
@_deco
def _f1561(x):
    return x
@_deco
def _f1562(x):
    return x
@_deco
def _f1563(x):
    return x
@_deco
def _f1564(x):
    return x
@_deco
def _f1565(x):
    return x
@_deco
def _f1566(x):
    return x
@_deco
def _f1567(x):
    return x
@_deco
def _f1568(x):
    return x
@_deco
def _f1569(x):
    return x
@_deco
def _f1570(x):
    return x
@_deco
def _f1571(x):
    return x
@_deco
def _f1572(x):
    return x
@_deco
def _f1573(x):
    return x
@_deco
def _f1574(x):
    return x
@_deco
def _f1575(x):
    return x
@_deco
def _f1576(x):
    return x
@_deco
def _f1577(x):
    return x
@_deco
def _f1578(x):
    return x
@_deco
def _f1579(x):
    return x
@_deco
def _f1580(x):
    return x
@_deco
def _f1581(x):
    return x
@_deco
def _f1582(x):
    return x
@_deco
def _f1583(x):
    return x
@_deco
def _f1584(x):
    return x
@_deco
def _f1585(x):
    return x
@_deco
def _f1586(x):
    return x
@_deco
def _f1587(x):
    return x
@_deco
def _f1588(x):
    return x
@_deco
def _f1589(x):
    return x
@_deco
def _f1590(x):
    return x
@_deco
def _f1591(x):
    return x
@_deco
def _f1592(x):
    return x
@_deco
def _f1593(x):
    return x
@_deco
def _f1594(x):
    return x
@_deco
def _f1595(x):
    return x
@_deco
def _f1596(x):
    return x
@_deco
def _f1597(x):
    return x
@_deco
def _f1598(x):
    return x
@_deco
def _f1599(x):
    return x
@_deco
def _f1600(x):
    return x
@_deco
def _f1601(x):
    return x
@_deco
def _f1602(x):
    return x
@_deco
def _f1603(x):
    return x
@_deco
def _f1604(x):
    return x
@_deco
def _f1605(x):
    return x
@_deco
def _f1606(x):
    return x
@_deco
def _f1607(x):
    return x
@_deco
def _f1608(x):
    return x
@_deco
def _f1609(x):
    return x
@_deco
def _f1610(x):
    return x
@_deco
def _f1611(x):
    return x
@_deco
def _f1612(x):
    return x
@_deco
def _f1613(x):
    return x
@_deco
def _f1614(x):
    return x
@_deco
def _f1615(x):
    return x
@_deco
def _f1616(x):
    return x
@_deco
def _f1617(x):
    return x
@_deco
def _f1618(x):
    return x
@_deco
def _f1619(x):
    return x
@_deco
def _f1620(x):
    return x
@_deco
def _f1621(x):
    return x
@_deco
def _f1622(x):
    return x
@_deco
def _f1623(x):
    return x
@_deco
def _f1624(x):
    return x
@_deco
def _f1625(x):
    return x
@_deco
def _f1626(x):
    return x
@_deco
def _f1627(x):
    return x
@_deco
def _f1628(x):
    return x
@_deco
def _f1629(x):
    return x
@_deco
def _f1630(x):
    return x
@_deco
def _f1631(x):
    return x
@_deco
def _f1632(x):
    return x
@_deco
def _f1633(x):
    return x
@_deco
def _f1634(x):
    return x
@_deco
def _f1635(x):
    return x
@_deco
def _f1636(x):
    return x
@_deco
def _f1637(x):
    return x
@_deco
def _f1638(x):
    return x
@_deco
def _f1639(x):
    return x
@_deco
def _f1640(x):
    return x
@_deco
def _f1641(x):
    return x
@_deco
def _f1642(x):
    return x
@_deco
def _f1643(x):
    return x
@_deco
def _f1644(x):
    return x
@_deco
def _f1645(x):
    return x
@_deco
def _f1646(x):
    return x
@_deco
def _f1647(x):
    return x
@_deco
def _f1648(x):
    return x
@_deco
def _f1649(x):
    return x
@_deco
def _f1650(x):
    return x
@_deco
def _f1651(x):
    return x
@_deco
def _f1652(x):
    return x
@_deco
def _f1653(x):
    return x
@_deco
def _f1654(x):
    return x
@_deco
def _f1655(x):
    return x
@_deco
def _f1656(x):
    return x
@_deco
def _f1657(x):
    return x
@_deco
def _f1658(x):
    return x
@_deco
def _f1659(x):
    return x
@_deco
def _f1660(x):
    return x
@_deco
def _f1661(x):
    return x
@_deco
def _f1662(x):
    return x
@_deco
def _f1663(x):
    return x
@_deco
def _f1664(x):
    return x
@_deco
def _f1665(x):
    return x
@_deco
def _f1666(x):
    return x
@_deco
def _f1667(x):
    return x
@_deco
def _f1668(x):
    return x
@_deco
def _f1669(x):
    return x
@_deco
def _f1670(x):
    return x
@_deco
def _f1671(x):
    return x
@_deco
def _f1672(x):
    return x
@_deco
def _f1673(x):
    return x
@_deco
def _f1674(x):
    return x
@_deco
def _f1675(x):
    return x
@_deco
def _f1676(x):
    return x
@_deco
def _f1677(x):
    return x
@_deco
def _f1678(x):
    return x
@_deco
def _f1679(x):
    return x
@_deco
def _f1680(x):
    return x
@_deco
def _f1681(x):
    return x
@_deco
def _f1682(x):
    return x
@_deco
def _f1683(x):
    return x
@_deco
def _f1684(x):
    return x
@_deco
def _f1685(x):
    return x
@_deco
def _f1686(x):
    return x
@_deco
def _f1687(x):
    return x
@_deco
def _f1688(x):
    return x
@_deco
def _f1689(x):
    return x
@_deco
def _f1690(x):
    return x
@_deco
def _f1691(x):
    return x
@_deco
def _f1692(x):
    return x
@_deco
def _f1693(x):
    return x
@_deco
def _f1694(x):
    return x
@_deco
def _f1695(x):
    return x
@_deco
def _f1696(x):
    return x
@_deco
def _f1697(x):
    return x
@_deco
def _f1698(x):
    return x
@_deco
def _f1699(x):
    return x
@_deco
def _f1700(x):
    return x
@_deco
def _f1701(x):
    return x
@_deco
def _f1702(x):
    return x
@_deco
def _f1703(x):
    return x
@_deco
def _f1704(x):
    return x
@_deco
def _f1705(x):
    return x
@_deco
def _f1706(x):
    return x
@_deco
def _f1707(x):
    return x
@_deco
def _f1708(x):
    return x
@_deco
def _f1709(x):
    return x
@_deco
def _f1710(x):
    return x
@_deco
def _f1711(x):
    return x
@_deco
def _f1712(x):
    return x
@_deco
def _f1713(x):
    return x
@_deco
def _f1714(x):
    return x
@_deco
def _f1715(x):
    return x
@_deco
def _f1716(x):
    return x
@_deco
def _f1717(x):
    return x
@_deco
def _f1718(x):
    return x
@_deco
def _f1719(x):
    return x
@_deco
def _f1720(x):
    return x
@_deco
def _f1721(x):
    return x
@_deco
def _f1722(x):
    return x
@_deco
def _f1723(x):
    return x
@_deco
def _f1724(x):
    return x
@_deco
def _f1725(x):
    return x
@_deco
def _f1726(x):
    return x
@_deco
def _f1727(x):
    return x
@_deco
def _f1728(x):
    return x
@_deco
def _f1729(x):
    return x
@_deco
def _f1730(x):
    return x
@_deco
def _f1731(x):
    return x
@_deco
def _f1732(x):
    return x
@_deco
def _f1733(x):
    return x
@_deco
def _f1734(x):
    return x
@_deco
def _f1735(x):
    return x
@_deco
def _f1736(x):
    return x
@_deco
def _f1737(x):
    return x
@_deco
def _f1738(x):
    return x
@_deco
def _f1739(x):
    return x
@_deco
def _f1740(x):
    return x
@_deco
def _f1741(x):
    return x
@_deco
def _f1742(x):
    return x
@_deco
def _f1743(x):
    return x
@_deco
def _f1744(x):
    return x
@_deco
def _f1745(x):
    return x
@_deco
def _f1746(x):
    return x
@_deco
def _f1747(x):
    return x
@_deco
def _f1748(x):
    return x
@_deco
def _f1749(x):
    return x
@_deco
def _f1750(x):
    return x
@_deco
def _f1751(x):
    return x
@_deco
def _f1752(x):
    return x
@_deco
def _f1753(x):
    return x
@_deco
def _f1754(x):
    return x
@_deco
def _f1755(x):
    return x
@_deco
def _f1756(x):
    return x
@_deco
def _f1757(x):
    return x
@_deco
def _f1758(x):
    return x
@_deco
def _f1759(x):
    return x
@_deco
def _f1760(x):
    return x
@_deco
def _f1761(x):
    return x
@_deco
def _f1762(x):
    return x
@_deco
def _f1763(x):
    return x
@_deco
def _f1764(x):
    return x
@_deco
def _f1765(x):
    return x
@_deco
def _f1766(x):
    return x
@_deco
def _f1767(x):
    return x
@_deco
def _f1768(x):
    return x
@_deco
def _f1769(x):
    return x
@_deco
def _f1770(x):
    return x
@_deco
def _f1771(x):
    return x
@_deco
def _f1772(x):
    return x
@_deco
def _f1773(x):
    return x
@_deco
def _f1774(x):
    return x
@_deco
def _f1775(x):
    return x
@_deco
def _f1776(x):
    return x
@_deco
def _f1777(x):
    return x
@_deco
def _f1778(x):
    return x
@_deco
def _f1779(x):
    return x
@_deco
def _f1780(x):
    return x
@_deco
def _f1781(x):
    return x
@_deco
def _f1782(x):
    return x
@_deco
def _f1783(x):
    return x
@_deco
def _f1784(x):
    return x
@_deco
def _f1785(x):
    return x
@_deco
def _f1786(x):
    return x
@_deco
def _f1787(x):
    return x
@_deco
def _f1788(x):
    return x
@_deco
def _f1789(x):
    return x
@_deco
def _f1790(x):
    return x
@_deco
def _f1791(x):
    return x
@_deco
def _f1792(x):
    return x
@_deco
def _f1793(x):
    return x
@_deco
def _f1794(x):
    return x
@_deco
def _f1795(x):
    return x
@_deco
def _f1796(x):
    return x
@_deco
def _f1797(x):
    return x
@_deco
def _f1798(x):
    return x
@_deco
def _f1799(x):
    return x
@_deco
def _f1800(x):
    return x
@_deco
def _f1801(x):
    return x
@_deco
def _f1802(x):
    return x
@_deco
def _f1803(x):
    return x
@_deco
def _f1804(x):
    return x
@_deco
def _f1805(x):
    return x
@_deco
def _f1806(x):
    return x
@_deco
def _f1807(x):
    return x
@_deco
def _f1808(x):
    return x
@_deco
def _f1809(x):
    return x
@_deco
def _f1810(x):
    return x
@_deco
def _f1811(x):
    return x
@_deco
def _f1812(x):
    return x
@_deco
def _f1813(x):
    return x
@_deco
def _f1814(x):
    return x
@_deco
def _f1815(x):
    return x
@_deco
def _f1816(x):
    return x
@_deco
def _f1817(x):
    return x
@_deco
def _f1818(x):
    return x
@_deco
def _f1819(x):
    return x
@_deco
def _f1820(x):
    return x
@_deco
def _f1821(x):
    return x
@_deco
def _f1822(x):
    return x
@_deco
def _f1823(x):
    return x
@_deco
def _f1824(x):
    return x
@_deco
def _f1825(x):
    return x
@_deco
def _f1826(x):
    return x
@_deco
def _f1827(x):
    return x
@_deco
def _f1828(x):
    return x
@_deco
def _f1829(x):
    return x
@_deco
def _f1830(x):
    return x
@_deco
def _f1831(x):
    return x
@_deco
def _f1832(x):
    return x
@_deco
def _f1833(x):
    return x
@_deco
def _f1834(x):
    return x
@_deco
def _f1835(x):
    return x
@_deco
def _f1836(x):
    return x
@_deco
def _f1837(x):
    return x
@_deco
def _f1838(x):
    return x
@_deco
def _f1839(x):
    return x
@_deco
def _f1840(x):
    return x
@_deco
def _f1841(x):
    return x
@_deco
def _f1842(x):
    return x
@_deco
def _f1843(x):
    return x
@_deco
def _f1844(x):
    return x
@_deco
def _f1845(x):
    return x
@_deco
def _f1846(x):
    return x
@_deco
def _f1847(x):
    return x
@_deco
def _f1848(x):
    return x
@_deco
def _f1849(x):
    return x
@_deco
def _f1850(x):
    return x
@_deco
def _f1851(x):
    return x
@_deco
def _f1852(x):
    return x
@_deco
def _f1853(x):
    return x
@_deco
def _f1854(x):
    return x
@_deco
def _f1855(x):
    return x
@_deco
def _f1856(x):
    return x
@_deco
def _f1857(x):
    return x
@_deco
def _f1858(x):
    return x
@_deco
def _f1859(x):
    return x
@_deco
def _f1860(x):
    return x
@_deco
def _f1861(x):
    return x
@_deco
def _f1862(x):
    return x
@_deco
def _f1863(x):
    return x
@_deco
def _f1864(x):
    return x
@_deco
def _f1865(x):
    return x
@_deco
def _f1866(x):
    return x
@_deco
def _f1867(x):
    return x
@_deco
def _f1868(x):
    return x
@_deco
def _f1869(x):
    return x
@_deco
def _f1870(x):
    return x
@_deco
def _f1871(x):
    return x
@_deco
def _f1872(x):
    return x
@_deco
def _f1873(x):
    return x
@_deco
def _f1874(x):
    return x
@_deco
def _f1875(x):
    return x
@_deco
def _f1876(x):
    return x
@_deco
def _f1877(x):
    return x
@_deco
def _f1878(x):
    return x
@_deco
def _f1879(x):
    return x
@_deco
def _f1880(x):
    return x
@_deco
def _f1881(x):
    return x
@_deco
def _f1882(x):
    return x
@_deco
def _f1883(x):
    return x
@_deco
def _f1884(x):
    return x
@_deco
def _f1885(x):
    return x
@_deco
def _f1886(x):
    return x
@_deco
def _f1887(x):
    return x
@_deco
def _f1888(x):
    return x
@_deco
def _f1889(x):
    return x
@_deco
def _f1890(x):
    return x
@_deco
def _f1891(x):
    return x
@_deco
def _f1892(x):
    return x
@_deco
def _f1893(x):
    return x
@_deco
def _f1894(x):
    return x
@_deco
def _f1895(x):
    return x
@_deco
def _f1896(x):
    return x
@_deco
def _f1897(x):
    return x
@_deco
def _f1898(x):
    return x
@_deco
def _f1899(x):
    return x
@_deco
def _f1900(x):
    return x
@_deco
def _f1901(x):
    return x
@_deco
def _f1902(x):
    return x
@_deco
def _f1903(x):
    return x
@_deco
def _f1904(x):
    return x
@_deco
def _f1905(x):
    return x
@_deco
def _f1906(x):
    return x
@_deco
def _f1907(x):
    return x
@_deco
def _f1908(x):
    return x
@_deco
def _f1909(x):
    return x
@_deco
def _f1910(x):
    return x
@_deco
def _f1911(x):
    return x
@_deco
def _f1912(x):
    return x
@_deco
def _f1913(x):
    return x
@_deco
def _f1914(x):
    return x
@_deco
def _f1915(x):
    return x
@_deco
def _f1916(x):
    return x
@_deco
def _f1917(x):
    return x
@_deco
def _f1918(x):
    return x
@_deco
def _f1919(x):
    return x
@_deco
def _f1920(x):
    return x
@_deco
def _f1921(x):
    return x
@_deco
def _f1922(x):
    return x
@_deco
def _f1923(x):
    return x
@_deco
def _f1924(x):
    return x
@_deco
def _f1925(x):
    return x
@_deco
def _f1926(x):
    return x
@_deco
def _f1927(x):
    return x
@_deco
def _f1928(x):
    return x
@_deco
def _f1929(x):
    return x
@_deco
def _f1930(x):
    return x
@_deco
def _f1931(x):
    return x
@_deco
def _f1932(x):
    return x
@_deco
def _f1933(x):
    return x
@_deco
def _f1934(x):
    return x
@_deco
def _f1935(x):
    return x
@_deco
def _f1936(x):
    return x
@_deco
def _f1937(x):
    return x
@_deco
def _f1938(x):
    return x
@_deco
def _f1939(x):
    return x
@_deco
def _f1940(x):
    return x
@_deco
def _f1941(x):
    return x
@_deco
def _f1942(x):
    return x
@_deco
def _f1943(x):
    return x
@_deco
def _f1944(x):
    return x
@_deco
def _f1945(x):
    return x
@_deco
def _f1946(x):
    return x
@_deco
def _f1947(x):
    return x
@_deco
def _f1948(x):
    return x
@_deco
def _f1949(x):
    return x
@_deco
def _f1950(x):
    return x
@_deco
def _f1951(x):
    return x
@_deco
def _f1952(x):
    return x
@_deco
def _f1953(x):
    return x
@_deco
def _f1954(x):
    return x
@_deco
def _f1955(x):
    return x
@_deco
def _f1956(x):
    return x
@_deco
def _f1957(x):
    return x
@_deco
def _f1958(x):
    return x
@_deco
def _f1959(x):
    return x
@_deco
def _f1960(x):
    return x
@_deco
def _f1961(x):
    return x
@_deco
def _f1962(x):
    return x
@_deco
def _f1963(x):
    return x
@_deco
def _f1964(x):
    return x
@_deco
def _f1965(x):
    return x
@_deco
def _f1966(x):
    return x
@_deco
def _f1967(x):
    return x
@_deco
def _f1968(x):
    return x
@_deco
def _f1969(x):
    return x
@_deco
def _f1970(x):
    return x
@_deco
def _f1971(x):
    return x
@_deco
def _f1972(x):
    return x
@_deco
def _f1973(x):
    return x
@_deco
def _f1974(x):
    return x
@_deco
def _f1975(x):
    return x
@_deco
def _f1976(x):
    return x
@_deco
def _f1977(x):
    return x
@_deco
def _f1978(x):
    return x
@_deco
def _f1979(x):
    return x
@_deco
def _f1980(x):
    return x
@_deco
def _f1981(x):
    return x
@_deco
def _f1982(x):
    return x
@_deco
def _f1983(x):
    return x
@_deco
def _f1984(x):
    return x
@_deco
def _f1985(x):
    return x
@_deco
def _f1986(x):
    return x
@_deco
def _f1987(x):
    return x
@_deco
def _f1988(x):
    return x
@_deco
def _f1989(x):
    return x
@_deco
def _f1990(x):
    return x
@_deco
def _f1991(x):
    return x
@_deco
def _f1992(x):
    return x
@_deco
def _f1993(x):
    return x
@_deco
def _f1994(x):
    return x
@_deco
def _f1995(x):
    return x
@_deco
def _f1996(x):
    return x
@_deco
def _f1997(x):
    return x
@_deco
def _f1998(x):
    return x
@_deco
def _f1999(x):
    return x
@_deco
def _f2000(x):
    return x
@_deco
def _f2001(x):
    return x
@_deco
def _f2002(x):
    return x
@_deco
def _f2003(x):
    return x
@_deco
def _f2004(x):
    return x
@_deco
def _f2005(x):
    return x
@_deco
def _f2006(x):
    return x
@_deco
def _f2007(x):
    return x
@_deco
def _f2008(x):
    return x
@_deco
def _f2009(x):
    return x
@_deco
def _f2010(x):
    return x
@_deco
def _f2011(x):
    return x
@_deco
def _f2012(x):
    return x
@_deco
def _f2013(x):
    return x
@_deco
def _f2014(x):
    return x
@_deco
def _f2015(x):
    return x
@_deco
def _f2016(x):
    return x
@_deco
def _f2017(x):
    return x
@_deco
def _f2018(x):
    return x
@_deco
def _f2019(x):
    return x
@_deco
def _f2020(x):
    return x
@_deco
def _f2021(x):
    return x
@_deco
def _f2022(x):
    return x
@_deco
def _f2023(x):
    return x
@_deco
def _f2024(x):
    return x
@_deco
def _f2025(x):
    return x
@_deco
def _f2026(x):
    return x
@_deco
def _f2027(x):
    return x
@_deco
def _f2028(x):
    return x
@_deco
def _f2029(x):
    return x
@_deco
def _f2030(x):
    return x
@_deco
def _f2031(x):
    return x
@_deco
def _f2032(x):
    return x
@_deco
def _f2033(x):
    return x
@_deco
def _f2034(x):
    return x
@_deco
def _f2035(x):
    return x
@_deco
def _f2036(x):
    return x
@_deco
def _f2037(x):
    return x
@_deco
def _f2038(x):
    return x
@_deco
def _f2039(x):
    return x
@_deco
def _f2040(x):
    return x
@_deco
def _f2041(x):
    return x
@_deco
def _f2042(x):
    return x
@_deco
def _f2043(x):
    return x
@_deco
def _f2044(x):
    return x
@_deco
def _f2045(x):
    return x
@_deco
def _f2046(x):
    return x
@_deco
def _f2047(x):
    return x
@_deco
def _f2048(x):
    return x
@_deco
def _f2049(x):
    return x
@_deco
def _f2050(x):
    return x
@_deco
def _f2051(x):
    return x
@_deco
def _f2052(x):
    return x
@_deco
def _f2053(x):
    return x
@_deco
def _f2054(x):
    return x
@_deco
def _f2055(x):
    return x
@_deco
def _f2056(x):
    return x
@_deco
def _f2057(x):
    return x
@_deco
def _f2058(x):
    return x
@_deco
def _f2059(x):
    return x
@_deco
def _f2060(x):
    return x
@_deco
def _f2061(x):
    return x
@_deco
def _f2062(x):
    return x
@_deco
def _f2063(x):
    return x
@_deco
def _f2064(x):
    return x
@_deco
def _f2065(x):
    return x
@_deco
def _f2066(x):
    return x
@_deco
def _f2067(x):
    return x
@_deco
def _f2068(x):
    return x
@_deco
def _f2069(x):
    return x
@_deco
def _f2070(x):
    return x
@_deco
def _f2071(x):
    return x
@_deco
def _f2072(x):
    return x
@_deco
def _f2073(x):
    return x
@_deco
def _f2074(x):
    return x
@_deco
def _f2075(x):
    return x
@_deco
def _f2076(x):
    return x
@_deco
def _f2077(x):
    return x
@_deco
def _f2078(x):
    return x
@_deco
def _f2079(x):
    return x
@_deco
def _f2080(x):
    return x
@_deco
def _f2081(x):
    return x
@_deco
def _f2082(x):
    return x
@_deco
def _f2083(x):
    return x
@_deco
def _f2084(x):
    return x
@_deco
def _f2085(x):
    return x
@_deco
def _f2086(x):
    return x
@_deco
def _f2087(x):
    return x
@_deco
def _f2088(x):
    return x
@_deco
def _f2089(x):
    return x
@_deco
def _f2090(x):
    return x
@_deco
def _f2091(x):
    return x
@_deco
def _f2092(x):
    return x
@_deco
def _f2093(x):
    return x
@_deco
def _f2094(x):
    return x
@_deco
def _f2095(x):
    return x
@_deco
def _f2096(x):
    return x
@_deco
def _f2097(x):
    return x
@_deco
def _f2098(x):
    return x
@_deco
def _f2099(x):
    return x
@_deco
def _f2100(x):
    return x
@_deco
def _f2101(x):
    return x
@_deco
def _f2102(x):
    return x
@_deco
def _f2103(x):
    return x
@_deco
def _f2104(x):
    return x
@_deco
def _f2105(x):
    return x
@_deco
def _f2106(x):
    return x
@_deco
def _f2107(x):
    return x
@_deco
def _f2108(x):
    return x
@_deco
def _f2109(x):
    return x
@_deco
def _f2110(x):
    return x
@_deco
def _f2111(x):
    return x
@_deco
def _f2112(x):
    return x
@_deco
def _f2113(x):
    return x
@_deco
def _f2114(x):
    return x
@_deco
def _f2115(x):
    return x
@_deco
def _f2116(x):
    return x
@_deco
def _f2117(x):
    return x
@_deco
def _f2118(x):
    return x
@_deco
def _f2119(x):
    return x
@_deco
def _f2120(x):
    return x
@_deco
def _f2121(x):
    return x
@_deco
def _f2122(x):
    return x
@_deco
def _f2123(x):
    return x
@_deco
def _f2124(x):
    return x
@_deco
def _f2125(x):
    return x
@_deco
def _f2126(x):
    return x
@_deco
def _f2127(x):
    return x
@_deco
def _f2128(x):
    return x
@_deco
def _f2129(x):
    return x
@_deco
def _f2130(x):
    return x
@_deco
def _f2131(x):
    return x
@_deco
def _f2132(x):
    return x
@_deco
def _f2133(x):
    return x
@_deco
def _f2134(x):
    return x
@_deco
def _f2135(x):
    return x
@_deco
def _f2136(x):
    return x
@_deco
def _f2137(x):
    return x
@_deco
def _f2138(x):
    return x
@_deco
def _f2139(x):
    return x
@_deco
def _f2140(x):
    return x
@_deco
def _f2141(x):
    return x
@_deco
def _f2142(x):
    return x
@_deco
def _f2143(x):
    return x
@_deco
def _f2144(x):
    return x
@_deco
def _f2145(x):
    return x
@_deco
def _f2146(x):
    return x
@_deco
def _f2147(x):
    return x
@_deco
def _f2148(x):
    return x
@_deco
def _f2149(x):
    return x
@_deco
def _f2150(x):
    return x
@_deco
def _f2151(x):
    return x
@_deco
def _f2152(x):
    return x
@_deco
def _f2153(x):
    return x
@_deco
def _f2154(x):
    return x
@_deco
def _f2155(x):
    return x
@_deco
def _f2156(x):
    return x
@_deco
def _f2157(x):
    return x
@_deco
def _f2158(x):
    return x
@_deco
def _f2159(x):
    return x
@_deco
def _f2160(x):
    return x
@_deco
def _f2161(x):
    return x
@_deco
def _f2162(x):
    return x
@_deco
def _f2163(x):
    return x
@_deco
def _f2164(x):
    return x
@_deco
def _f2165(x):
    return x
@_deco
def _f2166(x):
    return x
@_deco
def _f2167(x):
    return x
@_deco
def _f2168(x):
    return x
@_deco
def _f2169(x):
    return x
@_deco
def _f2170(x):
    return x
@_deco
def _f2171(x):
    return x
@_deco
def _f2172(x):
    return x
@_deco
def _f2173(x):
    return x
@_deco
def _f2174(x):
    return x
@_deco
def _f2175(x):
    return x
@_deco
def _f2176(x):
    return x
@_deco
def _f2177(x):
    return x
@_deco
def _f2178(x):
    return x
@_deco
def _f2179(x):
    return x
@_deco
def _f2180(x):
    return x
@_deco
def _f2181(x):
    return x
@_deco
def _f2182(x):
    return x
@_deco
def _f2183(x):
    return x
@_deco
def _f2184(x):
    return x
@_deco
def _f2185(x):
    return x
@_deco
def _f2186(x):
    return x
@_deco
def _f2187(x):
    return x
@_deco
def _f2188(x):
    return x
@_deco
def _f2189(x):
    return x
@_deco
def _f2190(x):
    return x
@_deco
def _f2191(x):
    return x
@_deco
def _f2192(x):
    return x
@_deco
def _f2193(x):
    return x
@_deco
def _f2194(x):
    return x
@_deco
def _f2195(x):
    return x
@_deco
def _f2196(x):
    return x
@_deco
def _f2197(x):
    return x
@_deco
def _f2198(x):
    return x
@_deco
def _f2199(x):
    return x
@_deco
def _f2200(x):
    return x
@_deco
def _f2201(x):
    return x
@_deco
def _f2202(x):
    return x
@_deco
def _f2203(x):
    return x
@_deco
def _f2204(x):
    return x
@_deco
def _f2205(x):
    return x
@_deco
def _f2206(x):
    return x
@_deco
def _f2207(x):
    return x
@_deco
def _f2208(x):
    return x
@_deco
def _f2209(x):
    return x
@_deco
def _f2210(x):
    return x
@_deco
def _f2211(x):
    return x
@_deco
def _f2212(x):
    return x
@_deco
def _f2213(x):
    return x
@_deco
def _f2214(x):
    return x
@_deco
def _f2215(x):
    return x
@_deco
def _f2216(x):
    return x
@_deco
def _f2217(x):
    return x
@_deco
def _f2218(x):
    return x
@_deco
def _f2219(x):
    return x
@_deco
def _f2220(x):
    return x
@_deco
def _f2221(x):
    return x
@_deco
def _f2222(x):
    return x
@_deco
def _f2223(x):
    return x
@_deco
def _f2224(x):
    return x
@_deco
def _f2225(x):
    return x
@_deco
def _f2226(x):
    return x
@_deco
def _f2227(x):
    return x
@_deco
def _f2228(x):
    return x
@_deco
def _f2229(x):
    return x
@_deco
def _f2230(x):
    return x
@_deco
def _f2231(x):
    return x
@_deco
def _f2232(x):
    return x
@_deco
def _f2233(x):
    return x
@_deco
def _f2234(x):
    return x
@_deco
def _f2235(x):
    return x
@_deco
def _f2236(x):
    return x
@_deco
def _f2237(x):
    return x
@_deco
def _f2238(x):
    return x
@_deco
def _f2239(x):
    return x
@_deco
def _f2240(x):
    return x
@_deco
def _f2241(x):
    return x
@_deco
def _f2242(x):
    return x
@_deco
def _f2243(x):
    return x
@_deco
def _f2244(x):
    return x
@_deco
def _f2245(x):
    return x
@_deco
def _f2246(x):
    return x
@_deco
def _f2247(x):
    return x
@_deco
def _f2248(x):
    return x
@_deco
def _f2249(x):
    return x
@_deco
def _f2250(x):
    return x
@_deco
def _f2251(x):
    return x
@_deco
def _f2252(x):
    return x
@_deco
def _f2253(x):
    return x
@_deco
def _f2254(x):
    return x
@_deco
def _f2255(x):
    return x
@_deco
def _f2256(x):
    return x
@_deco
def _f2257(x):
    return x
@_deco
def _f2258(x):
    return x
@_deco
def _f2259(x):
    return x
@_deco
def _f2260(x):
    return x
@_deco
def _f2261(x):
    return x
@_deco
def _f2262(x):
    return x
@_deco
def _f2263(x):
    return x
@_deco
def _f2264(x):
    return x
@_deco
def _f2265(x):
    return x
@_deco
def _f2266(x):
    return x
@_deco
def _f2267(x):
    return x
@_deco
def _f2268(x):
    return x
@_deco
def _f2269(x):
    return x
@_deco
def _f2270(x):
    return x
@_deco
def _f2271(x):
    return x
@_deco
def _f2272(x):
    return x
@_deco
def _f2273(x):
    return x
@_deco
def _f2274(x):
    return x
@_deco
def _f2275(x):
    return x
@_deco
def _f2276(x):
    return x
@_deco
def _f2277(x):
    return x
@_deco
def _f2278(x):
    return x
@_deco
def _f2279(x):
    return x
@_deco
def _f2280(x):
    return x
@_deco
def _f2281(x):
    return x
@_deco
def _f2282(x):
    return x
@_deco
def _f2283(x):
    return x
@_deco
def _f2284(x):
    return x
@_deco
def _f2285(x):
    return x
@_deco
def _f2286(x):
    return x
@_deco
def _f2287(x):
    return x
@_deco
def _f2288(x):
    return x
@_deco
def _f2289(x):
    return x
@_deco
def _f2290(x):
    return x
@_deco
def _f2291(x):
    return x
@_deco
def _f2292(x):
    return x
@_deco
def _f2293(x):
    return x
@_deco
def _f2294(x):
    return x
@_deco
def _f2295(x):
    return x
@_deco
def _f2296(x):
    return x
@_deco
def _f2297(x):
    return x
@_deco
def _f2298(x):
    return x
@_deco
def _f2299(x):
    return x
@_deco
def _f2300(x):
    return x
@_deco
def _f2301(x):
    return x
@_deco
def _f2302(x):
    return x
@_deco
def _f2303(x):
    return x
@_deco
def _f2304(x):
    return x
@_deco
def _f2305(x):
    return x
@_deco
def _f2306(x):
    return x
@_deco
def _f2307(x):
    return x
@_deco
def _f2308(x):
    return x
@_deco
def _f2309(x):
    return x
@_deco
def _f2310(x):
    return x
@_deco
def _f2311(x):
    return x
@_deco
def _f2312(x):
    return x
@_deco
def _f2313(x):
    return x
@_deco
def _f2314(x):
    return x
@_deco
def _f2315(x):
    return x
@_deco
def _f2316(x):
    return x
@_deco
def _f2317(x):
    return x
@_deco
def _f2318(x):
    return x
@_deco
def _f2319(x):
    return x
@_deco
def _f2320(x):
    return x
@_deco
def _f2321(x):
    return x
@_deco
def _f2322(x):
    return x
@_deco
def _f2323(x):
    return x
@_deco
def _f2324(x):
    return x
@_deco
def _f2325(x):
    return x
@_deco
def _f2326(x):
    return x
@_deco
def _f2327(x):
    return x
@_deco
def _f2328(x):
    return x
@_deco
def _f2329(x):
    return x
@_deco
def _f2330(x):
    return x
@_deco
def _f2331(x):
    return x
@_deco
def _f2332(x):
    return x
@_deco
def _f2333(x):
    return x
@_deco
def _f2334(x):
    return x
@_deco
def _f2335(x):
    return x
@_deco
def _f2336(x):
    return x
@_deco
def _f2337(x):
    return x
@_deco
def _f2338(x):
    return x
@_deco
def _f2339(x):
    return x
@_deco
def _f2340(x):
    return x
@_deco
def _f2341(x):
    return x
@_deco
def _f2342(x):
    return x
@_deco
def _f2343(x):
    return x
@_deco
def _f2344(x):
    return x
@_deco
def _f2345(x):
    return x
@_deco
def _f2346(x):
    return x
@_deco
def _f2347(x):
    return x
@_deco
def _f2348(x):
    return x
@_deco
def _f2349(x):
    return x
@_deco
def _f2350(x):
    return x
@_deco
def _f2351(x):
    return x
@_deco
def _f2352(x):
    return x
@_deco
def _f2353(x):
    return x
@_deco
def _f2354(x):
    return x
@_deco
def _f2355(x):
    return x
@_deco
def _f2356(x):
    return x
@_deco
def _f2357(x):
    return x
@_deco
def _f2358(x):
    return x
@_deco
def _f2359(x):
    return x
@_deco
def _f2360(x):
    return x
@_deco
def _f2361(x):
    return x
@_deco
def _f2362(x):
    return x
@_deco
def _f2363(x):
    return x
@_deco
def _f2364(x):
    return x
@_deco
def _f2365(x):
    return x
@_deco
def _f2366(x):
    return x
@_deco
def _f2367(x):
    return x
@_deco
def _f2368(x):
    return x
@_deco
def _f2369(x):
    return x
@_deco
def _f2370(x):
    return x
@_deco
def _f2371(x):
    return x
@_deco
def _f2372(x):
    return x
@_deco
def _f2373(x):
    return x
@_deco
def _f2374(x):
    return x
@_deco
def _f2375(x):
    return x
@_deco
def _f2376(x):
    return x
@_deco
def _f2377(x):
    return x
@_deco
def _f2378(x):
    return x
@_deco
def _f2379(x):
    return x
@_deco
def _f2380(x):
    return x
@_deco
def _f2381(x):
    return x
@_deco
def _f2382(x):
    return x
@_deco
def _f2383(x):
    return x
@_deco
def _f2384(x):
    return x
@_deco
def _f2385(x):
    return x
@_deco
def _f2386(x):
    return x
@_deco
def _f2387(x):
    return x
@_deco
def _f2388(x):
    return x
@_deco
def _f2389(x):
    return x
@_deco
def _f2390(x):
    return x
@_deco
def _f2391(x):
    return x
@_deco
def _f2392(x):
    return x
@_deco
def _f2393(x):
    return x
@_deco
def _f2394(x):
    return x
@_deco
def _f2395(x):
    return x
@_deco
def _f2396(x):
    return x
@_deco
def _f2397(x):
    return x
@_deco
def _f2398(x):
    return x
@_deco
def _f2399(x):
    return x
@_deco
def _f2400(x):
    return x
@_deco
def _f2401(x):
    return x
@_deco
def _f2402(x):
    return x
@_deco
def _f2403(x):
    return x
@_deco
def _f2404(x):
    return x
@_deco
def _f2405(x):
    return x
@_deco
def _f2406(x):
    return x
@_deco
def _f2407(x):
    return x
@_deco
def _f2408(x):
    return x
@_deco
def _f2409(x):
    return x
@_deco
def _f2410(x):
    return x
@_deco
def _f2411(x):
    return x
@_deco
def _f2412(x):
    return x
@_deco
def _f2413(x):
    return x
@_deco
def _f2414(x):
    return x
@_deco
def _f2415(x):
    return x
@_deco
def _f2416(x):
    return x
@_deco
def _f2417(x):
    return x
@_deco
def _f2418(x):
    return x
@_deco
def _f2419(x):
    return x
@_deco
def _f2420(x):
    return x
@_deco
def _f2421(x):
    return x
@_deco
def _f2422(x):
    return x
@_deco
def _f2423(x):
    return x
@_deco
def _f2424(x):
    return x
@_deco
def _f2425(x):
    return x
@_deco
def _f2426(x):
    return x
@_deco
def _f2427(x):
    return x
@_deco
def _f2428(x):
    return x
@_deco
def _f2429(x):
    return x
@_deco
def _f2430(x):
    return x
@_deco
def _f2431(x):
    return x
@_deco
def _f2432(x):
    return x
@_deco
def _f2433(x):
    return x
@_deco
def _f2434(x):
    return x
@_deco
def _f2435(x):
    return x
@_deco
def _f2436(x):
    return x
@_deco
def _f2437(x):
    return x
@_deco
def _f2438(x):
    return x
@_deco
def _f2439(x):
    return x
@_deco
def _f2440(x):
    return x
@_deco
def _f2441(x):
    return x
@_deco
def _f2442(x):
    return x
@_deco
def _f2443(x):
    return x
@_deco
def _f2444(x):
    return x
@_deco
def _f2445(x):
    return x
@_deco
def _f2446(x):
    return x
@_deco
def _f2447(x):
    return x
@_deco
def _f2448(x):
    return x
@_deco
def _f2449(x):
    return x
@_deco
def _f2450(x):
    return x
@_deco
def _f2451(x):
    return x
@_deco
def _f2452(x):
    return x
@_deco
def _f2453(x):
    return x
@_deco
def _f2454(x):
    return x
@_deco
def _f2455(x):
    return x
@_deco
def _f2456(x):
    return x
@_deco
def _f2457(x):
    return x
@_deco
def _f2458(x):
    return x
@_deco
def _f2459(x):
    return x
@_deco
def _f2460(x):
    return x
@_deco
def _f2461(x):
    return x
@_deco
def _f2462(x):
    return x
@_deco
def _f2463(x):
    return x
@_deco
def _f2464(x):
    return x
@_deco
def _f2465(x):
    return x
@_deco
def _f2466(x):
    return x
@_deco
def _f2467(x):
    return x
@_deco
def _f2468(x):
    return x
@_deco
def _f2469(x):
    return x
@_deco
def _f2470(x):
    return x
@_deco
def _f2471(x):
    return x
@_deco
def _f2472(x):
    return x
@_deco
def _f2473(x):
    return x
@_deco
def _f2474(x):
    return x
@_deco
def _f2475(x):
    return x
@_deco
def _f2476(x):
    return x
@_deco
def _f2477(x):
    return x
@_deco
def _f2478(x):
    return x
@_deco
def _f2479(x):
    return x
@_deco
def _f2480(x):
    return x
@_deco
def _f2481(x):
    return x
@_deco
def _f2482(x):
    return x
@_deco
def _f2483(x):
    return x
@_deco
def _f2484(x):
    return x
@_deco
def _f2485(x):
    return x
@_deco
def _f2486(x):
    return x
@_deco
def _f2487(x):
    return x
@_deco
def _f2488(x):
    return x
@_deco
def _f2489(x):
    return x
@_deco
def _f2490(x):
    return x
@_deco
def _f2491(x):
    return x
@_deco
def _f2492(x):
    return x
@_deco
def _f2493(x):
    return x
@_deco
def _f2494(x):
    return x
@_deco
def _f2495(x):
    return x
@_deco
def _f2496(x):
    return x
@_deco
def _f2497(x):
    return x
@_deco
def _f2498(x):
    return x
@_deco
def _f2499(x):
    return x
@_deco
def _f2500(x):
    return x
@_deco
def _f2501(x):
    return x
@_deco
def _f2502(x):
    return x
@_deco
def _f2503(x):
    return x
@_deco
def _f2504(x):
    return x
@_deco
def _f2505(x):
    return x
@_deco
def _f2506(x):
    return x
@_deco
def _f2507(x):
    return x
@_deco
def _f2508(x):
    return x
@_deco
def _f2509(x):
    return x
@_deco
def _f2510(x):
    return x
@_deco
def _f2511(x):
    return x
@_deco
def _f2512(x):
    return x
@_deco
def _f2513(x):
    return x
@_deco
def _f2514(x):
    return x
@_deco
def _f2515(x):
    return x
@_deco
def _f2516(x):
    return x
@_deco
def _f2517(x):
    return x
@_deco
def _f2518(x):
    return x
@_deco
def _f2519(x):
    return x
@_deco
def _f2520(x):
    return x
@_deco
def _f2521(x):
    return x
@_deco
def _f2522(x):
    return x
@_deco
def _f2523(x):
    return x
@_deco
def _f2524(x):
    return x
@_deco
def _f2525(x):
    return x
@_deco
def _f2526(x):
    return x
@_deco
def _f2527(x):
    return x
@_deco
def _f2528(x):
    return x
@_deco
def _f2529(x):
    return x
@_deco
def _f2530(x):
    return x
@_deco
def _f2531(x):
    return x
@_deco
def _f2532(x):
    return x
@_deco
def _f2533(x):
    return x
@_deco
def _f2534(x):
    return x
@_deco
def _f2535(x):
    return x
@_deco
def _f2536(x):
    return x
@_deco
def _f2537(x):
    return x
@_deco
def _f2538(x):
    return x
@_deco
def _f2539(x):
    return x
@_deco
def _f2540(x):
    return x
@_deco
def _f2541(x):
    return x
@_deco
def _f2542(x):
    return x
@_deco
def _f2543(x):
    return x
@_deco
def _f2544(x):
    return x
@_deco
def _f2545(x):
    return x
@_deco
def _f2546(x):
    return x
@_deco
def _f2547(x):
    return x
@_deco
def _f2548(x):
    return x
@_deco
def _f2549(x):
    return x
@_deco
def _f2550(x):
    return x
@_deco
def _f2551(x):
    return x
@_deco
def _f2552(x):
    return x
@_deco
def _f2553(x):
    return x
@_deco
def _f2554(x):
    return x
@_deco
def _f2555(x):
    return x
@_deco
def _f2556(x):
    return x
@_deco
def _f2557(x):
    return x
@_deco
def _f2558(x):
    return x
@_deco
def _f2559(x):
    return x
@_deco
def _f2560(x):
    return x
@_deco
def _f2561(x):
    return x
@_deco
def _f2562(x):
    return x
@_deco
def _f2563(x):
    return x
@_deco
def _f2564(x):
    return x
@_deco
def _f2565(x):
    return x
@_deco
def _f2566(x):
    return x
@_deco
def _f2567(x):
    return x
@_deco
def _f2568(x):
    return x
@_deco
def _f2569(x):
    return x
@_deco
def _f2570(x):
    return x
@_deco
def _f2571(x):
    return x
@_deco
def _f2572(x):
    return x
@_deco
def _f2573(x):
    return x
@_deco
def _f2574(x):
    return x
@_deco
def _f2575(x):
    return x
@_deco
def _f2576(x):
    return x
@_deco
def _f2577(x):
    return x
@_deco
def _f2578(x):
    return x
@_deco
def _f2579(x):
    return x
@_deco
def _f2580(x):
    return x
@_deco
def _f2581(x):
    return x
@_deco
def _f2582(x):
    return x
@_deco
def _f2583(x):
    return x
@_deco
def _f2584(x):
    return x
@_deco
def _f2585(x):
    return x
@_deco
def _f2586(x):
    return x
@_deco
def _f2587(x):
    return x
@_deco
def _f2588(x):
    return x
@_deco
def _f2589(x):
    return x
@_deco
def _f2590(x):
    return x
@_deco
def _f2591(x):
    return x
@_deco
def _f2592(x):
    return x
@_deco
def _f2593(x):
    return x
@_deco
def _f2594(x):
    return x
@_deco
def _f2595(x):
    return x
@_deco
def _f2596(x):
    return x
@_deco
def _f2597(x):
    return x
@_deco
def _f2598(x):
    return x
@_deco
def _f2599(x):
    return x
@_deco
def _f2600(x):
    return x
@_deco
def _f2601(x):
    return x
@_deco
def _f2602(x):
    return x
@_deco
def _f2603(x):
    return x
@_deco
def _f2604(x):
    return x
@_deco
def _f2605(x):
    return x
@_deco
def _f2606(x):
    return x
@_deco
def _f2607(x):
    return x
@_deco
def _f2608(x):
    return x
@_deco
def _f2609(x):
    return x
@_deco
def _f2610(x):
    return x
@_deco
def _f2611(x):
    return x
@_deco
def _f2612(x):
    return x
@_deco
def _f2613(x):
    return x
@_deco
def _f2614(x):
    return x
@_deco
def _f2615(x):
    return x
@_deco
def _f2616(x):
    return x
@_deco
def _f2617(x):
    return x
@_deco
def _f2618(x):
    return x
@_deco
def _f2619(x):
    return x
@_deco
def _f2620(x):
    return x
@_deco
def _f2621(x):
    return x
@_deco
def _f2622(x):
    return x
@_deco
def _f2623(x):
    return x
@_deco
def _f2624(x):
    return x
@_deco
def _f2625(x):
    return x
@_deco
def _f2626(x):
    return x
@_deco
def _f2627(x):
    return x
@_deco
def _f2628(x):
    return x
@_deco
def _f2629(x):
    return x
@_deco
def _f2630(x):
    return x
@_deco
def _f2631(x):
    return x
@_deco
def _f2632(x):
    return x
@_deco
def _f2633(x):
    return x
@_deco
def _f2634(x):
    return x
@_deco
def _f2635(x):
    return x
@_deco
def _f2636(x):
    return x
@_deco
def _f2637(x):
    return x
@_deco
def _f2638(x):
    return x
@_deco
def _f2639(x):
    return x
@_deco
def _f2640(x):
    return x
@_deco
def _f2641(x):
    return x
@_deco
def _f2642(x):
    return x
@_deco
def _f2643(x):
    return x
@_deco
def _f2644(x):
    return x
@_deco
def _f2645(x):
    return x
@_deco
def _f2646(x):
    return x
@_deco
def _f2647(x):
    return x
@_deco
def _f2648(x):
    return x
@_deco
def _f2649(x):
    return x
@_deco
def _f2650(x):
    return x
@_deco
def _f2651(x):
    return x
@_deco
def _f2652(x):
    return x
@_deco
def _f2653(x):
    return x
@_deco
def _f2654(x):
    return x
@_deco
def _f2655(x):
    return x
@_deco
def _f2656(x):
    return x
@_deco
def _f2657(x):
    return x
@_deco
def _f2658(x):
    return x
@_deco
def _f2659(x):
    return x
@_deco
def _f2660(x):
    return x
@_deco
def _f2661(x):
    return x
@_deco
def _f2662(x):
    return x
@_deco
def _f2663(x):
    return x
@_deco
def _f2664(x):
    return x
@_deco
def _f2665(x):
    return x
@_deco
def _f2666(x):
    return x
@_deco
def _f2667(x):
    return x
@_deco
def _f2668(x):
    return x
@_deco
def _f2669(x):
    return x
@_deco
def _f2670(x):
    return x
@_deco
def _f2671(x):
    return x
@_deco
def _f2672(x):
    return x
@_deco
def _f2673(x):
    return x
@_deco
def _f2674(x):
    return x
@_deco
def _f2675(x):
    return x
@_deco
def _f2676(x):
    return x
@_deco
def _f2677(x):
    return x
@_deco
def _f2678(x):
    return x
@_deco
def _f2679(x):
    return x
@_deco
def _f2680(x):
    return x
@_deco
def _f2681(x):
    return x
@_deco
def _f2682(x):
    return x
@_deco
def _f2683(x):
    return x
@_deco
def _f2684(x):
    return x
@_deco
def _f2685(x):
    return x
@_deco
def _f2686(x):
    return x
@_deco
def _f2687(x):
    return x
@_deco
def _f2688(x):
    return x
@_deco
def _f2689(x):
    return x
@_deco
def _f2690(x):
    return x
@_deco
def _f2691(x):
    return x
@_deco
def _f2692(x):
    return x
@_deco
def _f2693(x):
    return x
@_deco
def _f2694(x):
    return x
@_deco
def _f2695(x):
    return x
@_deco
def _f2696(x):
    return x
@_deco
def _f2697(x):
    return x
@_deco
def _f2698(x):
    return x
@_deco
def _f2699(x):
    return x
@_deco
def _f2700(x):
    return x
@_deco
def _f2701(x):
    return x
@_deco
def _f2702(x):
    return x
@_deco
def _f2703(x):
    return x
@_deco
def _f2704(x):
    return x
@_deco
def _f2705(x):
    return x
@_deco
def _f2706(x):
    return x
@_deco
def _f2707(x):
    return x
@_deco
def _f2708(x):
    return x
@_deco
def _f2709(x):
    return x
@_deco
def _f2710(x):
    return x
@_deco
def _f2711(x):
    return x
@_deco
def _f2712(x):
    return x
@_deco
def _f2713(x):
    return x
@_deco
def _f2714(x):
    return x
@_deco
def _f2715(x):
    return x
@_deco
def _f2716(x):
    return x
@_deco
def _f2717(x):
    return x
@_deco
def _f2718(x):
    return x
@_deco
def _f2719(x):
    return x
@_deco
def _f2720(x):
    return x
@_deco
def _f2721(x):
    return x
@_deco
def _f2722(x):
    return x
@_deco
def _f2723(x):
    return x
@_deco
def _f2724(x):
    return x
@_deco
def _f2725(x):
    return x
@_deco
def _f2726(x):
    return x
@_deco
def _f2727(x):
    return x
@_deco
def _f2728(x):
    return x
@_deco
def _f2729(x):
    return x
@_deco
def _f2730(x):
    return x
@_deco
def _f2731(x):
    return x
@_deco
def _f2732(x):
    return x
@_deco
def _f2733(x):
    return x
@_deco
def _f2734(x):
    return x
@_deco
def _f2735(x):
    return x
@_deco
def _f2736(x):
    return x
@_deco
def _f2737(x):
    return x
@_deco
def _f2738(x):
    return x
@_deco
def _f2739(x):
    return x
@_deco
def _f2740(x):
    return x
@_deco
def _f2741(x):
    return x
@_deco
def _f2742(x):
    return x
@_deco
def _f2743(x):
    return x
@_deco
def _f2744(x):
    return x
@_deco
def _f2745(x):
    return x
@_deco
def _f2746(x):
    return x
@_deco
def _f2747(x):
    return x
@_deco
def _f2748(x):
    return x
@_deco
def _f2749(x):
    return x
@_deco
def _f2750(x):
    return x
@_deco
def _f2751(x):
    return x
@_deco
def _f2752(x):
    return x
@_deco
def _f2753(x):
    return x
@_deco
def _f2754(x):
    return x
@_deco
def _f2755(x):
    return x
@_deco
def _f2756(x):
    return x
@_deco
def _f2757(x):
    return x
@_deco
def _f2758(x):
    return x
@_deco
def _f2759(x):
    return x
@_deco
def _f2760(x):
    return x
@_deco
def _f2761(x):
    return x
@_deco
def _f2762(x):
    return x
@_deco
def _f2763(x):
    return x
@_deco
def _f2764(x):
    return x
@_deco
def _f2765(x):
    return x
@_deco
def _f2766(x):
    return x
@_deco
def _f2767(x):
    return x
@_deco
def _f2768(x):
    return x
@_deco
def _f2769(x):
    return x
@_deco
def _f2770(x):
    return x
@_deco
def _f2771(x):
    return x
@_deco
def _f2772(x):
    return x
@_deco
def _f2773(x):
    return x
@_deco
def _f2774(x):
    return x
@_deco
def _f2775(x):
    return x
@_deco
def _f2776(x):
    return x
@_deco
def _f2777(x):
    return x
@_deco
def _f2778(x):
    return x
@_deco
def _f2779(x):
    return x
@_deco
def _f2780(x):
    return x
@_deco
def _f2781(x):
    return x
@_deco
def _f2782(x):
    return x
@_deco
def _f2783(x):
    return x
@_deco
def _f2784(x):
    return x
@_deco
def _f2785(x):
    return x
@_deco
def _f2786(x):
    return x
@_deco
def _f2787(x):
    return x
@_deco
def _f2788(x):
    return x
@_deco
def _f2789(x):
    return x
@_deco
def _f2790(x):
    return x
@_deco
def _f2791(x):
    return x
@_deco
def _f2792(x):
    return x
@_deco
def _f2793(x):
    return x
@_deco
def _f2794(x):
    return x
@_deco
def _f2795(x):
    return x
@_deco
def _f2796(x):
    return x
@_deco
def _f2797(x):
    return x
@_deco
def _f2798(x):
    return x
@_deco
def _f2799(x):
    return x
@_deco
def _f2800(x):
    return x
@_deco
def _f2801(x):
    return x
@_deco
def _f2802(x):
    return x
@_deco
def _f2803(x):
    return x
@_deco
def _f2804(x):
    return x
@_deco
def _f2805(x):
    return x
@_deco
def _f2806(x):
    return x
@_deco
def _f2807(x):
    return x
@_deco
def _f2808(x):
    return x
@_deco
def _f2809(x):
    return x
@_deco
def _f2810(x):
    return x
@_deco
def _f2811(x):
    return x
@_deco
def _f2812(x):
    return x
@_deco
def _f2813(x):
    return x
@_deco
def _f2814(x):
    return x
@_deco
def _f2815(x):
    return x
@_deco
def _f2816(x):
    return x
@_deco
def _f2817(x):
    return x
@_deco
def _f2818(x):
    return x
@_deco
def _f2819(x):
    return x
@_deco
def _f2820(x):
    return x
@_deco
def _f2821(x):
    return x
@_deco
def _f2822(x):
    return x
@_deco
def _f2823(x):
    return x
@_deco
def _f2824(x):
    return x
@_deco
def _f2825(x):
    return x
@_deco
def _f2826(x):
    return x
@_deco
def _f2827(x):
    return x
@_deco
def _f2828(x):
    return x
@_deco
def _f2829(x):
    return x
@_deco
def _f2830(x):
    return x
@_deco
def _f2831(x):
    return x
@_deco
def _f2832(x):
    return x
@_deco
def _f2833(x):
    return x
@_deco
def _f2834(x):
    return x
@_deco
def _f2835(x):
    return x
@_deco
def _f2836(x):
    return x
@_deco
def _f2837(x):
    return x
@_deco
def _f2838(x):
    return x
@_deco
def _f2839(x):
    return x
@_deco
def _f2840(x):
    return x
@_deco
def _f2841(x):
    return x
@_deco
def _f2842(x):
    return x
@_deco
def _f2843(x):
    return x
@_deco
def _f2844(x):
    return x
@_deco
def _f2845(x):
    return x
@_deco
def _f2846(x):
    return x
@_deco
def _f2847(x):
    return x
@_deco
def _f2848(x):
    return x
@_deco
def _f2849(x):
    return x
@_deco
def _f2850(x):
    return x
@_deco
def _f2851(x):
    return x
@_deco
def _f2852(x):
    return x
@_deco
def _f2853(x):
    return x
@_deco
def _f2854(x):
    return x
@_deco
def _f2855(x):
    return x
@_deco
def _f2856(x):
    return x
@_deco
def _f2857(x):
    return x
@_deco
def _f2858(x):
    return x
@_deco
def _f2859(x):
    return x
@_deco
def _f2860(x):
    return x
@_deco
def _f2861(x):
    return x
@_deco
def _f2862(x):
    return x
@_deco
def _f2863(x):
    return x
@_deco
def _f2864(x):
    return x
@_deco
def _f2865(x):
    return x
@_deco
def _f2866(x):
    return x
@_deco
def _f2867(x):
    return x
@_deco
def _f2868(x):
    return x
@_deco
def _f2869(x):
    return x
@_deco
def _f2870(x):
    return x
@_deco
def _f2871(x):
    return x
@_deco
def _f2872(x):
    return x
@_deco
def _f2873(x):
    return x
@_deco
def _f2874(x):
    return x
@_deco
def _f2875(x):
    return x
@_deco
def _f2876(x):
    return x
@_deco
def _f2877(x):
    return x
@_deco
def _f2878(x):
    return x
@_deco
def _f2879(x):
    return x
@_deco
def _f2880(x):
    return x
@_deco
def _f2881(x):
    return x
@_deco
def _f2882(x):
    return x
@_deco
def _f2883(x):
    return x
@_deco
def _f2884(x):
    return x
@_deco
def _f2885(x):
    return x
@_deco
def _f2886(x):
    return x
@_deco
def _f2887(x):
    return x
@_deco
def _f2888(x):
    return x
@_deco
def _f2889(x):
    return x
@_deco
def _f2890(x):
    return x
@_deco
def _f2891(x):
    return x
@_deco
def _f2892(x):
    return x
@_deco
def _f2893(x):
    return x
@_deco
def _f2894(x):
    return x
@_deco
def _f2895(x):
    return x
@_deco
def _f2896(x):
    return x
@_deco
def _f2897(x):
    return x
@_deco
def _f2898(x):
    return x
@_deco
def _f2899(x):
    return x
@_deco
def _f2900(x):
    return x
@_deco
def _f2901(x):
    return x
@_deco
def _f2902(x):
    return x
@_deco
def _f2903(x):
    return x
@_deco
def _f2904(x):
    return x
@_deco
def _f2905(x):
    return x
@_deco
def _f2906(x):
    return x
@_deco
def _f2907(x):
    return x
@_deco
def _f2908(x):
    return x
@_deco
def _f2909(x):
    return x
@_deco
def _f2910(x):
    return x
@_deco
def _f2911(x):
    return x
@_deco
def _f2912(x):
    return x
@_deco
def _f2913(x):
    return x
@_deco
def _f2914(x):
    return x
@_deco
def _f2915(x):
    return x
@_deco
def _f2916(x):
    return x
@_deco
def _f2917(x):
    return x
@_deco
def _f2918(x):
    return x
@_deco
def _f2919(x):
    return x
@_deco
def _f2920(x):
    return x
@_deco
def _f2921(x):
    return x
@_deco
def _f2922(x):
    return x
@_deco
def _f2923(x):
    return x
@_deco
def _f2924(x):
    return x
@_deco
def _f2925(x):
    return x
@_deco
def _f2926(x):
    return x
@_deco
def _f2927(x):
    return x
@_deco
def _f2928(x):
    return x
@_deco
def _f2929(x):
    return x
@_deco
def _f2930(x):
    return x
@_deco
def _f2931(x):
    return x
@_deco
def _f2932(x):
    return x
@_deco
def _f2933(x):
    return x
@_deco
def _f2934(x):
    return x
@_deco
def _f2935(x):
    return x
@_deco
def _f2936(x):
    return x
@_deco
def _f2937(x):
    return x
@_deco
def _f2938(x):
    return x
@_deco
def _f2939(x):
    return x
@_deco
def _f2940(x):
    return x
@_deco
def _f2941(x):
    return x
@_deco
def _f2942(x):
    return x
@_deco
def _f2943(x):
    return x
@_deco
def _f2944(x):
    return x
@_deco
def _f2945(x):
    return x
@_deco
def _f2946(x):
    return x
@_deco
def _f2947(x):
    return x
@_deco
def _f2948(x):
    return x
@_deco
def _f2949(x):
    return x
@_deco
def _f2950(x):
    return x
@_deco
def _f2951(x):
    return x
@_deco
def _f2952(x):
    return x
@_deco
def _f2953(x):
    return x
@_deco
def _f2954(x):
    return x
@_deco
def _f2955(x):
    return x
@_deco
def _f2956(x):
    return x
@_deco
def _f2957(x):
    return x
@_deco
def _f2958(x):
    return x
@_deco
def _f2959(x):
    return x
@_deco
def _f2960(x):
    return x
@_deco
def _f2961(x):
    return x
@_deco
def _f2962(x):
    return x
@_deco
def _f2963(x):
    return x
@_deco
def _f2964(x):
    return x
@_deco
def _f2965(x):
    return x
@_deco
def _f2966(x):
    return x
@_deco
def _f2967(x):
    return x
@_deco
def _f2968(x):
    return x
@_deco
def _f2969(x):
    return x
@_deco
def _f2970(x):
    return x
@_deco
def _f2971(x):
    return x
@_deco
def _f2972(x):
    return x
@_deco
def _f2973(x):
    return x
@_deco
def _f2974(x):
    return x
@_deco
def _f2975(x):
    return x
@_deco
def _f2976(x):
    return x
@_deco
def _f2977(x):
    return x
@_deco
def _f2978(x):
    return x
@_deco
def _f2979(x):
    return x
@_deco
def _f2980(x):
    return x
@_deco
def _f2981(x):
    return x
@_deco
def _f2982(x):
    return x
@_deco
def _f2983(x):
    return x
@_deco
def _f2984(x):
    return x
@_deco
def _f2985(x):
    return x
@_deco
def _f2986(x):
    return x
@_deco
def _f2987(x):
    return x
@_deco
def _f2988(x):
    return x
@_deco
def _f2989(x):
    return x
@_deco
def _f2990(x):
    return x
@_deco
def _f2991(x):
    return x
@_deco
def _f2992(x):
    return x
@_deco
def _f2993(x):
    return x
@_deco
def _f2994(x):
    return x
@_deco
def _f2995(x):
    return x
@_deco
def _f2996(x):
    return x
@_deco
def _f2997(x):
    return x
@_deco
def _f2998(x):
    return x
@_deco
def _f2999(x):
    return x


def conv2d(image, kernel, stride=1, padding=0):
    _steps = (_f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14, _f15, _f16, _f17, _f18, _f19, _f20, _f21, _f22, _f23, _f24, _f25, _f26, _f27, _f28, _f29, _f30, _f31, _f32, _f33, _f34, _f35, _f36, _f37, _f38, _f39, _f40, _f41, _f42, _f43, _f44, _f45, _f46, _f47, _f48, _f49, _f50, _f51, _f52, _f53, _f54, _f55, _f56, _f57, _f58, _f59, _f60, _f61, _f62, _f63, _f64, _f65, _f66, _f67, _f68, _f69, _f70, _f71, _f72, _f73, _f74, _f75, _f76, _f77, _f78, _f79, _f80, _f81, _f82, _f83, _f84, _f85, _f86, _f87, _f88, _f89, _f90, _f91, _f92, _f93, _f94, _f95, _f96, _f97, _f98, _f99, _f100, _f101, _f102, _f103, _f104, _f105, _f106, _f107, _f108, _f109, _f110, _f111, _f112, _f113, _f114, _f115, _f116, _f117, _f118, _f119, _f120, _f121, _f122, _f123, _f124, _f125, _f126, _f127, _f128, _f129, _f130, _f131, _f132, _f133, _f134, _f135, _f136, _f137, _f138, _f139, _f140, _f141, _f142, _f143, _f144, _f145, _f146, _f147, _f148, _f149, _f150, _f151, _f152, _f153, _f154, _f155, _f156, _f157, _f158, _f159, _f160, _f161, _f162, _f163, _f164, _f165, _f166, _f167, _f168, _f169, _f170, _f171, _f172, _f173, _f174, _f175, _f176, _f177, _f178, _f179, _f180, _f181, _f182, _f183, _f184, _f185, _f186, _f187, _f188, _f189, _f190, _f191, _f192, _f193, _f194, _f195, _f196, _f197, _f198, _f199, _f200, _f201, _f202, _f203, _f204, _f205, _f206, _f207, _f208, _f209, _f210, _f211, _f212, _f213, _f214, _f215, _f216, _f217, _f218, _f219, _f220, _f221, _f222, _f223, _f224, _f225, _f226, _f227, _f228, _f229, _f230, _f231, _f232, _f233, _f234, _f235, _f236, _f237, _f238, _f239, _f240, _f241, _f242, _f243, _f244, _f245, _f246, _f247, _f248, _f249, _f250, _f251, _f252, _f253, _f254, _f255, _f256, _f257, _f258, _f259, _f260, _f261, _f262, _f263, _f264, _f265, _f266, _f267, _f268, _f269, _f270, _f271, _f272, _f273, _f274, _f275, _f276, _f277, _f278, _f279, _f280, _f281, _f282, _f283, _f284, _f285, _f286, _f287, _f288, _f289, _f290, _f291, _f292, _f293, _f294, _f295, _f296, _f297, _f298, _f299, _f300, _f301, _f302, _f303, _f304, _f305, _f306, _f307, _f308, _f309, _f310, _f311, _f312, _f313, _f314, _f315, _f316, _f317, _f318, _f319, _f320, _f321, _f322, _f323, _f324, _f325, _f326, _f327, _f328, _f329, _f330, _f331, _f332, _f333, _f334, _f335, _f336, _f337, _f338, _f339, _f340, _f341, _f342, _f343, _f344, _f345, _f346, _f347, _f348, _f349, _f350, _f351, _f352, _f353, _f354, _f355, _f356, _f357, _f358, _f359, _f360, _f361, _f362, _f363, _f364, _f365, _f366, _f367, _f368, _f369, _f370, _f371, _f372, _f373, _f374, _f375, _f376, _f377, _f378, _f379, _f380, _f381, _f382, _f383, _f384, _f385, _f386, _f387, _f388, _f389, _f390, _f391, _f392, _f393, _f394, _f395, _f396, _f397, _f398, _f399, _f400, _f401, _f402, _f403, _f404, _f405, _f406, _f407, _f408, _f409, _f410, _f411, _f412, _f413, _f414, _f415, _f416, _f417, _f418, _f419, _f420, _f421, _f422, _f423, _f424, _f425, _f426, _f427, _f428, _f429, _f430, _f431, _f432, _f433, _f434, _f435, _f436, _f437, _f438, _f439, _f440, _f441, _f442, _f443, _f444, _f445, _f446, _f447, _f448, _f449, _f450, _f451, _f452, _f453, _f454, _f455, _f456, _f457, _f458, _f459, _f460, _f461, _f462, _f463, _f464, _f465, _f466, _f467, _f468, _f469, _f470, _f471, _f472, _f473, _f474, _f475, _f476, _f477, _f478, _f479, _f480, _f481, _f482, _f483, _f484, _f485, _f486, _f487, _f488, _f489, _f490, _f491, _f492, _f493, _f494, _f495, _f496, _f497, _f498, _f499, _f500, _f501, _f502, _f503, _f504, _f505, _f506, _f507, _f508, _f509, _f510, _f511, _f512, _f513, _f514, _f515, _f516, _f517, _f518, _f519, _f520, _f521, _f522, _f523, _f524, _f525, _f526, _f527, _f528, _f529, _f530, _f531, _f532, _f533, _f534, _f535, _f536, _f537, _f538, _f539, _f540, _f541, _f542, _f543, _f544, _f545, _f546, _f547, _f548, _f549, _f550, _f551, _f552, _f553, _f554, _f555, _f556, _f557, _f558, _f559, _f560, _f561, _f562, _f563, _f564, _f565, _f566, _f567, _f568, _f569, _f570, _f571, _f572, _f573, _f574, _f575, _f576, _f577, _f578, _f579, _f580, _f581, _f582, _f583, _f584, _f585, _f586, _f587, _f588, _f589, _f590, _f591, _f592, _f593, _f594, _f595, _f596, _f597, _f598, _f599, _f600, _f601, _f602, _f603, _f604, _f605, _f606, _f607, _f608, _f609, _f610, _f611, _f612, _f613, _f614, _f615, _f616, _f617, _f618, _f619, _f620, _f621, _f622, _f623, _f624, _f625, _f626, _f627, _f628, _f629, _f630, _f631, _f632, _f633, _f634, _f635, _f636, _f637, _f638, _f639, _f640, _f641, _f642, _f643, _f644, _f645, _f646, _f647, _f648, _f649, _f650, _f651, _f652, _f653, _f654, _f655, _f656, _f657, _f658, _f659, _f660, _f661, _f662, _f663, _f664, _f665, _f666, _f667, _f668, _f669, _f670, _f671, _f672, _f673, _f674, _f675, _f676, _f677, _f678, _f679, _f680, _f681, _f682, _f683, _f684, _f685, _f686, _f687, _f688, _f689, _f690, _f691, _f692, _f693, _f694, _f695, _f696, _f697, _f698, _f699, _f700, _f701, _f702, _f703, _f704, _f705, _f706, _f707, _f708, _f709, _f710, _f711, _f712, _f713, _f714, _f715, _f716, _f717, _f718, _f719, _f720, _f721, _f722, _f723, _f724, _f725, _f726, _f727, _f728, _f729, _f730, _f731, _f732, _f733, _f734, _f735, _f736, _f737, _f738, _f739, _f740, _f741, _f742, _f743, _f744, _f745, _f746, _f747, _f748, _f749, _f750, _f751, _f752, _f753, _f754, _f755, _f756, _f757, _f758, _f759, _f760, _f761, _f762, _f763, _f764, _f765, _f766, _f767, _f768, _f769, _f770, _f771, _f772, _f773, _f774, _f775, _f776, _f777, _f778, _f779, _f780, _f781, _f782, _f783, _f784, _f785, _f786, _f787, _f788, _f789, _f790, _f791, _f792, _f793, _f794, _f795, _f796, _f797, _f798, _f799, _f800, _f801, _f802, _f803, _f804, _f805, _f806, _f807, _f808, _f809, _f810, _f811, _f812, _f813, _f814, _f815, _f816, _f817, _f818, _f819, _f820, _f821, _f822, _f823, _f824, _f825, _f826, _f827, _f828, _f829, _f830, _f831, _f832, _f833, _f834, _f835, _f836, _f837, _f838, _f839, _f840, _f841, _f842, _f843, _f844, _f845, _f846, _f847, _f848, _f849, _f850, _f851, _f852, _f853, _f854, _f855, _f856, _f857, _f858, _f859, _f860, _f861, _f862, _f863, _f864, _f865, _f866, _f867, _f868, _f869, _f870, _f871, _f872, _f873, _f874, _f875, _f876, _f877, _f878, _f879, _f880, _f881, _f882, _f883, _f884, _f885, _f886, _f887, _f888, _f889, _f890, _f891, _f892, _f893, _f894, _f895, _f896, _f897, _f898, _f899, _f900, _f901, _f902, _f903, _f904, _f905, _f906, _f907, _f908, _f909, _f910, _f911, _f912, _f913, _f914, _f915, _f916, _f917, _f918, _f919, _f920, _f921, _f922, _f923, _f924, _f925, _f926, _f927, _f928, _f929, _f930, _f931, _f932, _f933, _f934, _f935, _f936, _f937, _f938, _f939, _f940, _f941, _f942, _f943, _f944, _f945, _f946, _f947, _f948, _f949, _f950, _f951, _f952, _f953, _f954, _f955, _f956, _f957, _f958, _f959, _f960, _f961, _f962, _f963, _f964, _f965, _f966, _f967, _f968, _f969, _f970, _f971, _f972, _f973, _f974, _f975, _f976, _f977, _f978, _f979, _f980, _f981, _f982, _f983, _f984, _f985, _f986, _f987, _f988, _f989, _f990, _f991, _f992, _f993, _f994, _f995, _f996, _f997, _f998, _f999, _f1000, _f1001, _f1002, _f1003, _f1004, _f1005, _f1006, _f1007, _f1008, _f1009, _f1010, _f1011, _f1012, _f1013, _f1014, _f1015, _f1016, _f1017, _f1018, _f1019, _f1020, _f1021, _f1022, _f1023, _f1024, _f1025, _f1026, _f1027, _f1028, _f1029, _f1030, _f1031, _f1032, _f1033, _f1034, _f1035, _f1036, _f1037, _f1038, _f1039, _f1040, _f1041, _f1042, _f1043, _f1044, _f1045, _f1046, _f1047, _f1048, _f1049, _f1050, _f1051, _f1052, _f1053, _f1054, _f1055, _f1056, _f1057, _f1058, _f1059, _f1060, _f1061, _f1062, _f1063, _f1064, _f1065, _f1066, _f1067, _f1068, _f1069, _f1070, _f1071, _f1072, _f1073, _f1074, _f1075, _f1076, _f1077, _f1078, _f1079, _f1080, _f1081, _f1082, _f1083, _f1084, _f1085, _f1086, _f1087, _f1088, _f1089, _f1090, _f1091, _f1092, _f1093, _f1094, _f1095, _f1096, _f1097, _f1098, _f1099, _f1100, _f1101, _f1102, _f1103, _f1104, _f1105, _f1106, _f1107, _f1108, _f1109, _f1110, _f1111, _f1112, _f1113, _f1114, _f1115, _f1116, _f1117, _f1118, _f1119, _f1120, _f1121, _f1122, _f1123, _f1124, _f1125, _f1126, _f1127, _f1128, _f1129, _f1130, _f1131, _f1132, _f1133, _f1134, _f1135, _f1136, _f1137, _f1138, _f1139, _f1140, _f1141, _f1142, _f1143, _f1144, _f1145, _f1146, _f1147, _f1148, _f1149, _f1150, _f1151, _f1152, _f1153, _f1154, _f1155, _f1156, _f1157, _f1158, _f1159, _f1160, _f1161, _f1162, _f1163, _f1164, _f1165, _f1166, _f1167, _f1168, _f1169, _f1170, _f1171, _f1172, _f1173, _f1174, _f1175, _f1176, _f1177, _f1178, _f1179, _f1180, _f1181, _f1182, _f1183, _f1184, _f1185, _f1186, _f1187, _f1188, _f1189, _f1190, _f1191, _f1192, _f1193, _f1194, _f1195, _f1196, _f1197, _f1198, _f1199, _f1200, _f1201, _f1202, _f1203, _f1204, _f1205, _f1206, _f1207, _f1208, _f1209, _f1210, _f1211, _f1212, _f1213, _f1214, _f1215, _f1216, _f1217, _f1218, _f1219, _f1220, _f1221, _f1222, _f1223, _f1224, _f1225, _f1226, _f1227, _f1228, _f1229, _f1230, _f1231, _f1232, _f1233, _f1234, _f1235, _f1236, _f1237, _f1238, _f1239, _f1240, _f1241, _f1242, _f1243, _f1244, _f1245, _f1246, _f1247, _f1248, _f1249, _f1250, _f1251, _f1252, _f1253, _f1254, _f1255, _f1256, _f1257, _f1258, _f1259, _f1260, _f1261, _f1262, _f1263, _f1264, _f1265, _f1266, _f1267, _f1268, _f1269, _f1270, _f1271, _f1272, _f1273, _f1274, _f1275, _f1276, _f1277, _f1278, _f1279, _f1280, _f1281, _f1282, _f1283, _f1284, _f1285, _f1286, _f1287, _f1288, _f1289, _f1290, _f1291, _f1292, _f1293, _f1294, _f1295, _f1296, _f1297, _f1298, _f1299, _f1300, _f1301, _f1302, _f1303, _f1304, _f1305, _f1306, _f1307, _f1308, _f1309, _f1310, _f1311, _f1312, _f1313, _f1314, _f1315, _f1316, _f1317, _f1318, _f1319, _f1320, _f1321, _f1322, _f1323, _f1324, _f1325, _f1326, _f1327, _f1328, _f1329, _f1330, _f1331, _f1332, _f1333, _f1334, _f1335, _f1336, _f1337, _f1338, _f1339, _f1340, _f1341, _f1342, _f1343, _f1344, _f1345, _f1346, _f1347, _f1348, _f1349, _f1350, _f1351, _f1352, _f1353, _f1354, _f1355, _f1356, _f1357, _f1358, _f1359, _f1360, _f1361, _f1362, _f1363, _f1364, _f1365, _f1366, _f1367, _f1368, _f1369, _f1370, _f1371, _f1372, _f1373, _f1374, _f1375, _f1376, _f1377, _f1378, _f1379, _f1380, _f1381, _f1382, _f1383, _f1384, _f1385, _f1386, _f1387, _f1388, _f1389, _f1390, _f1391, _f1392, _f1393, _f1394, _f1395, _f1396, _f1397, _f1398, _f1399, _f1400, _f1401, _f1402, _f1403, _f1404, _f1405, _f1406, _f1407, _f1408, _f1409, _f1410, _f1411, _f1412, _f1413, _f1414, _f1415, _f1416, _f1417, _f1418, _f1419, _f1420, _f1421, _f1422, _f1423, _f1424, _f1425, _f1426, _f1427, _f1428, _f1429, _f1430, _f1431, _f1432, _f1433, _f1434, _f1435, _f1436, _f1437, _f1438, _f1439, _f1440, _f1441, _f1442, _f1443, _f1444, _f1445, _f1446, _f1447, _f1448, _f1449, _f1450, _f1451, _f1452, _f1453, _f1454, _f1455, _f1456, _f1457, _f1458, _f1459, _f1460, _f1461, _f1462, _f1463, _f1464, _f1465, _f1466, _f1467, _f1468, _f1469, _f1470, _f1471, _f1472, _f1473, _f1474, _f1475, _f1476, _f1477, _f1478, _f1479, _f1480, _f1481, _f1482, _f1483, _f1484, _f1485, _f1486, _f1487, _f1488, _f1489, _f1490, _f1491, _f1492, _f1493, _f1494, _f1495, _f1496, _f1497, _f1498, _f1499, _f1500, _f1501, _f1502, _f1503, _f1504, _f1505, _f1506, _f1507, _f1508, _f1509, _f1510, _f1511, _f1512, _f1513, _f1514, _f1515, _f1516, _f1517, _f1518, _f1519, _f1520, _f1521, _f1522, _f1523, _f1524, _f1525, _f1526, _f1527, _f1528, _f1529, _f1530, _f1531, _f1532, _f1533, _f1534, _f1535, _f1536, _f1537, _f1538, _f1539, _f1540, _f1541, _f1542, _f1543, _f1544, _f1545, _f1546, _f1547, _f1548, _f1549, _f1550, _f1551, _f1552, _f1553, _f1554, _f1555, _f1556, _f1557, _f1558, _f1559, _f1560, _f1561, _f1562, _f1563, _f1564, _f1565, _f1566, _f1567, _f1568, _f1569, _f1570, _f1571, _f1572, _f1573, _f1574, _f1575, _f1576, _f1577, _f1578, _f1579, _f1580, _f1581, _f1582, _f1583, _f1584, _f1585, _f1586, _f1587, _f1588, _f1589, _f1590, _f1591, _f1592, _f1593, _f1594, _f1595, _f1596, _f1597, _f1598, _f1599, _f1600, _f1601, _f1602, _f1603, _f1604, _f1605, _f1606, _f1607, _f1608, _f1609, _f1610, _f1611, _f1612, _f1613, _f1614, _f1615, _f1616, _f1617, _f1618, _f1619, _f1620, _f1621, _f1622, _f1623, _f1624, _f1625, _f1626, _f1627, _f1628, _f1629, _f1630, _f1631, _f1632, _f1633, _f1634, _f1635, _f1636, _f1637, _f1638, _f1639, _f1640, _f1641, _f1642, _f1643, _f1644, _f1645, _f1646, _f1647, _f1648, _f1649, _f1650, _f1651, _f1652, _f1653, _f1654, _f1655, _f1656, _f1657, _f1658, _f1659, _f1660, _f1661, _f1662, _f1663, _f1664, _f1665, _f1666, _f1667, _f1668, _f1669, _f1670, _f1671, _f1672, _f1673, _f1674, _f1675, _f1676, _f1677, _f1678, _f1679, _f1680, _f1681, _f1682, _f1683, _f1684, _f1685, _f1686, _f1687, _f1688, _f1689, _f1690, _f1691, _f1692, _f1693, _f1694, _f1695, _f1696, _f1697, _f1698, _f1699, _f1700, _f1701, _f1702, _f1703, _f1704, _f1705, _f1706, _f1707, _f1708, _f1709, _f1710, _f1711, _f1712, _f1713, _f1714, _f1715, _f1716, _f1717, _f1718, _f1719, _f1720, _f1721, _f1722, _f1723, _f1724, _f1725, _f1726, _f1727, _f1728, _f1729, _f1730, _f1731, _f1732, _f1733, _f1734, _f1735, _f1736, _f1737, _f1738, _f1739, _f1740, _f1741, _f1742, _f1743, _f1744, _f1745, _f1746, _f1747, _f1748, _f1749, _f1750, _f1751, _f1752, _f1753, _f1754, _f1755, _f1756, _f1757, _f1758, _f1759, _f1760, _f1761, _f1762, _f1763, _f1764, _f1765, _f1766, _f1767, _f1768, _f1769, _f1770, _f1771, _f1772, _f1773, _f1774, _f1775, _f1776, _f1777, _f1778, _f1779, _f1780, _f1781, _f1782, _f1783, _f1784, _f1785, _f1786, _f1787, _f1788, _f1789, _f1790, _f1791, _f1792, _f1793, _f1794, _f1795, _f1796, _f1797, _f1798, _f1799, _f1800, _f1801, _f1802, _f1803, _f1804, _f1805, _f1806, _f1807, _f1808, _f1809, _f1810, _f1811, _f1812, _f1813, _f1814, _f1815, _f1816, _f1817, _f1818, _f1819, _f1820, _f1821, _f1822, _f1823, _f1824, _f1825, _f1826, _f1827, _f1828, _f1829, _f1830, _f1831, _f1832, _f1833, _f1834, _f1835, _f1836, _f1837, _f1838, _f1839, _f1840, _f1841, _f1842, _f1843, _f1844, _f1845, _f1846, _f1847, _f1848, _f1849, _f1850, _f1851, _f1852, _f1853, _f1854, _f1855, _f1856, _f1857, _f1858, _f1859, _f1860, _f1861, _f1862, _f1863, _f1864, _f1865, _f1866, _f1867, _f1868, _f1869, _f1870, _f1871, _f1872, _f1873, _f1874, _f1875, _f1876, _f1877, _f1878, _f1879, _f1880, _f1881, _f1882, _f1883, _f1884, _f1885, _f1886, _f1887, _f1888, _f1889, _f1890, _f1891, _f1892, _f1893, _f1894, _f1895, _f1896, _f1897, _f1898, _f1899, _f1900, _f1901, _f1902, _f1903, _f1904, _f1905, _f1906, _f1907, _f1908, _f1909, _f1910, _f1911, _f1912, _f1913, _f1914, _f1915, _f1916, _f1917, _f1918, _f1919, _f1920, _f1921, _f1922, _f1923, _f1924, _f1925, _f1926, _f1927, _f1928, _f1929, _f1930, _f1931, _f1932, _f1933, _f1934, _f1935, _f1936, _f1937, _f1938, _f1939, _f1940, _f1941, _f1942, _f1943, _f1944, _f1945, _f1946, _f1947, _f1948, _f1949, _f1950, _f1951, _f1952, _f1953, _f1954, _f1955, _f1956, _f1957, _f1958, _f1959, _f1960, _f1961, _f1962, _f1963, _f1964, _f1965, _f1966, _f1967, _f1968, _f1969, _f1970, _f1971, _f1972, _f1973, _f1974, _f1975, _f1976, _f1977, _f1978, _f1979, _f1980, _f1981, _f1982, _f1983, _f1984, _f1985, _f1986, _f1987, _f1988, _f1989, _f1990, _f1991, _f1992, _f1993, _f1994, _f1995, _f1996, _f1997, _f1998, _f1999, _f2000, _f2001, _f2002, _f2003, _f2004, _f2005, _f2006, _f2007, _f2008, _f2009, _f2010, _f2011, _f2012, _f2013, _f2014, _f2015, _f2016, _f2017, _f2018, _f2019, _f2020, _f2021, _f2022, _f2023, _f2024, _f2025, _f2026, _f2027, _f2028, _f2029, _f2030, _f2031, _f2032, _f2033, _f2034, _f2035, _f2036, _f2037, _f2038, _f2039, _f2040, _f2041, _f2042, _f2043, _f2044, _f2045, _f2046, _f2047, _f2048, _f2049, _f2050, _f2051, _f2052, _f2053, _f2054, _f2055, _f2056, _f2057, _f2058, _f2059, _f2060, _f2061, _f2062, _f2063, _f2064, _f2065, _f2066, _f2067, _f2068, _f2069, _f2070, _f2071, _f2072, _f2073, _f2074, _f2075, _f2076, _f2077, _f2078, _f2079, _f2080, _f2081, _f2082, _f2083, _f2084, _f2085, _f2086, _f2087, _f2088, _f2089, _f2090, _f2091, _f2092, _f2093, _f2094, _f2095, _f2096, _f2097, _f2098, _f2099, _f2100, _f2101, _f2102, _f2103, _f2104, _f2105, _f2106, _f2107, _f2108, _f2109, _f2110, _f2111, _f2112, _f2113, _f2114, _f2115, _f2116, _f2117, _f2118, _f2119, _f2120, _f2121, _f2122, _f2123, _f2124, _f2125, _f2126, _f2127, _f2128, _f2129, _f2130, _f2131, _f2132, _f2133, _f2134, _f2135, _f2136, _f2137, _f2138, _f2139, _f2140, _f2141, _f2142, _f2143, _f2144, _f2145, _f2146, _f2147, _f2148, _f2149, _f2150, _f2151, _f2152, _f2153, _f2154, _f2155, _f2156, _f2157, _f2158, _f2159, _f2160, _f2161, _f2162, _f2163, _f2164, _f2165, _f2166, _f2167, _f2168, _f2169, _f2170, _f2171, _f2172, _f2173, _f2174, _f2175, _f2176, _f2177, _f2178, _f2179, _f2180, _f2181, _f2182, _f2183, _f2184, _f2185, _f2186, _f2187, _f2188, _f2189, _f2190, _f2191, _f2192, _f2193, _f2194, _f2195, _f2196, _f2197, _f2198, _f2199, _f2200, _f2201, _f2202, _f2203, _f2204, _f2205, _f2206, _f2207, _f2208, _f2209, _f2210, _f2211, _f2212, _f2213, _f2214, _f2215, _f2216, _f2217, _f2218, _f2219, _f2220, _f2221, _f2222, _f2223, _f2224, _f2225, _f2226, _f2227, _f2228, _f2229, _f2230, _f2231, _f2232, _f2233, _f2234, _f2235, _f2236, _f2237, _f2238, _f2239, _f2240, _f2241, _f2242, _f2243, _f2244, _f2245, _f2246, _f2247, _f2248, _f2249, _f2250, _f2251, _f2252, _f2253, _f2254, _f2255, _f2256, _f2257, _f2258, _f2259, _f2260, _f2261, _f2262, _f2263, _f2264, _f2265, _f2266, _f2267, _f2268, _f2269, _f2270, _f2271, _f2272, _f2273, _f2274, _f2275, _f2276, _f2277, _f2278, _f2279, _f2280, _f2281, _f2282, _f2283, _f2284, _f2285, _f2286, _f2287, _f2288, _f2289, _f2290, _f2291, _f2292, _f2293, _f2294, _f2295, _f2296, _f2297, _f2298, _f2299, _f2300, _f2301, _f2302, _f2303, _f2304, _f2305, _f2306, _f2307, _f2308, _f2309, _f2310, _f2311, _f2312, _f2313, _f2314, _f2315, _f2316, _f2317, _f2318, _f2319, _f2320, _f2321, _f2322, _f2323, _f2324, _f2325, _f2326, _f2327, _f2328, _f2329, _f2330, _f2331, _f2332, _f2333, _f2334, _f2335, _f2336, _f2337, _f2338, _f2339, _f2340, _f2341, _f2342, _f2343, _f2344, _f2345, _f2346, _f2347, _f2348, _f2349, _f2350, _f2351, _f2352, _f2353, _f2354, _f2355, _f2356, _f2357, _f2358, _f2359, _f2360, _f2361, _f2362, _f2363, _f2364, _f2365, _f2366, _f2367, _f2368, _f2369, _f2370, _f2371, _f2372, _f2373, _f2374, _f2375, _f2376, _f2377, _f2378, _f2379, _f2380, _f2381, _f2382, _f2383, _f2384, _f2385, _f2386, _f2387, _f2388, _f2389, _f2390, _f2391, _f2392, _f2393, _f2394, _f2395, _f2396, _f2397, _f2398, _f2399, _f2400, _f2401, _f2402, _f2403, _f2404, _f2405, _f2406, _f2407, _f2408, _f2409, _f2410, _f2411, _f2412, _f2413, _f2414, _f2415, _f2416, _f2417, _f2418, _f2419, _f2420, _f2421, _f2422, _f2423, _f2424, _f2425, _f2426, _f2427, _f2428, _f2429, _f2430, _f2431, _f2432, _f2433, _f2434, _f2435, _f2436, _f2437, _f2438, _f2439, _f2440, _f2441, _f2442, _f2443, _f2444, _f2445, _f2446, _f2447, _f2448, _f2449, _f2450, _f2451, _f2452, _f2453, _f2454, _f2455, _f2456, _f2457, _f2458, _f2459, _f2460, _f2461, _f2462, _f2463, _f2464, _f2465, _f2466, _f2467, _f2468, _f2469, _f2470, _f2471, _f2472, _f2473, _f2474, _f2475, _f2476, _f2477, _f2478, _f2479, _f2480, _f2481, _f2482, _f2483, _f2484, _f2485, _f2486, _f2487, _f2488, _f2489, _f2490, _f2491, _f2492, _f2493, _f2494, _f2495, _f2496, _f2497, _f2498, _f2499, _f2500, _f2501, _f2502, _f2503, _f2504, _f2505, _f2506, _f2507, _f2508, _f2509, _f2510, _f2511, _f2512, _f2513, _f2514, _f2515, _f2516, _f2517, _f2518, _f2519, _f2520, _f2521, _f2522, _f2523, _f2524, _f2525, _f2526, _f2527, _f2528, _f2529, _f2530, _f2531, _f2532, _f2533, _f2534, _f2535, _f2536, _f2537, _f2538, _f2539, _f2540, _f2541, _f2542, _f2543, _f2544, _f2545, _f2546, _f2547, _f2548, _f2549, _f2550, _f2551, _f2552, _f2553, _f2554, _f2555, _f2556, _f2557, _f2558, _f2559, _f2560, _f2561, _f2562, _f2563, _f2564, _f2565, _f2566, _f2567, _f2568, _f2569, _f2570, _f2571, _f2572, _f2573, _f2574, _f2575, _f2576, _f2577, _f2578, _f2579, _f2580, _f2581, _f2582, _f2583, _f2584, _f2585, _f2586, _f2587, _f2588, _f2589, _f2590, _f2591, _f2592, _f2593, _f2594, _f2595, _f2596, _f2597, _f2598, _f2599, _f2600, _f2601, _f2602, _f2603, _f2604, _f2605, _f2606, _f2607, _f2608, _f2609, _f2610, _f2611, _f2612, _f2613, _f2614, _f2615, _f2616, _f2617, _f2618, _f2619, _f2620, _f2621, _f2622, _f2623, _f2624, _f2625, _f2626, _f2627, _f2628, _f2629, _f2630, _f2631, _f2632, _f2633, _f2634, _f2635, _f2636, _f2637, _f2638, _f2639, _f2640, _f2641, _f2642, _f2643, _f2644, _f2645, _f2646, _f2647, _f2648, _f2649, _f2650, _f2651, _f2652, _f2653, _f2654, _f2655, _f2656, _f2657, _f2658, _f2659, _f2660, _f2661, _f2662, _f2663, _f2664, _f2665, _f2666, _f2667, _f2668, _f2669, _f2670, _f2671, _f2672, _f2673, _f2674, _f2675, _f2676, _f2677, _f2678, _f2679, _f2680, _f2681, _f2682, _f2683, _f2684, _f2685, _f2686, _f2687, _f2688, _f2689, _f2690, _f2691, _f2692, _f2693, _f2694, _f2695, _f2696, _f2697, _f2698, _f2699, _f2700, _f2701, _f2702, _f2703, _f2704, _f2705, _f2706, _f2707, _f2708, _f2709, _f2710, _f2711, _f2712, _f2713, _f2714, _f2715, _f2716, _f2717, _f2718, _f2719, _f2720, _f2721, _f2722, _f2723, _f2724, _f2725, _f2726, _f2727, _f2728, _f2729, _f2730, _f2731, _f2732, _f2733, _f2734, _f2735, _f2736, _f2737, _f2738, _f2739, _f2740, _f2741, _f2742, _f2743, _f2744, _f2745, _f2746, _f2747, _f2748, _f2749, _f2750, _f2751, _f2752, _f2753, _f2754, _f2755, _f2756, _f2757, _f2758, _f2759, _f2760, _f2761, _f2762, _f2763, _f2764, _f2765, _f2766, _f2767, _f2768, _f2769, _f2770, _f2771, _f2772, _f2773, _f2774, _f2775, _f2776, _f2777, _f2778, _f2779, _f2780, _f2781, _f2782, _f2783, _f2784, _f2785, _f2786, _f2787, _f2788, _f2789, _f2790, _f2791, _f2792, _f2793, _f2794, _f2795, _f2796, _f2797, _f2798, _f2799, _f2800, _f2801, _f2802, _f2803, _f2804, _f2805, _f2806, _f2807, _f2808, _f2809, _f2810, _f2811, _f2812, _f2813, _f2814, _f2815, _f2816, _f2817, _f2818, _f2819, _f2820, _f2821, _f2822, _f2823, _f2824, _f2825, _f2826, _f2827, _f2828, _f2829, _f2830, _f2831, _f2832, _f2833, _f2834, _f2835, _f2836, _f2837, _f2838, _f2839, _f2840, _f2841, _f2842, _f2843, _f2844, _f2845, _f2846, _f2847, _f2848, _f2849, _f2850, _f2851, _f2852, _f2853, _f2854, _f2855, _f2856, _f2857, _f2858, _f2859, _f2860, _f2861, _f2862, _f2863, _f2864, _f2865, _f2866, _f2867, _f2868, _f2869, _f2870, _f2871, _f2872, _f2873, _f2874, _f2875, _f2876, _f2877, _f2878, _f2879, _f2880, _f2881, _f2882, _f2883, _f2884, _f2885, _f2886, _f2887, _f2888, _f2889, _f2890, _f2891, _f2892, _f2893, _f2894, _f2895, _f2896, _f2897, _f2898, _f2899, _f2900, _f2901, _f2902, _f2903, _f2904, _f2905, _f2906, _f2907, _f2908, _f2909, _f2910, _f2911, _f2912, _f2913, _f2914, _f2915, _f2916, _f2917, _f2918, _f2919, _f2920, _f2921, _f2922, _f2923, _f2924, _f2925, _f2926, _f2927, _f2928, _f2929, _f2930, _f2931, _f2932, _f2933, _f2934, _f2935, _f2936, _f2937, _f2938, _f2939, _f2940, _f2941, _f2942, _f2943, _f2944, _f2945, _f2946, _f2947, _f2948, _f2949, _f2950, _f2951, _f2952, _f2953, _f2954, _f2955, _f2956, _f2957, _f2958, _f2959, _f2960, _f2961, _f2962, _f2963, _f2964, _f2965, _f2966, _f2967, _f2968, _f2969, _f2970, _f2971, _f2972, _f2973, _f2974, _f2975, _f2976, _f2977, _f2978, _f2979, _f2980, _f2981, _f2982, _f2983, _f2984, _f2985, _f2986, _f2987, _f2988, _f2989, _f2990, _f2991, _f2992, _f2993, _f2994, _f2995, _f2996, _f2997, _f2998, _f2999,)
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
