package io.creditlayer.features.decode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.*;
import org.web3j.abi.datatypes.generated.*;

class ScratchProbeTest {
    @Test
    void probe() {
        String dirty = "0x0000000100000000000000007f39c581f595b53c5cb19bd0b3f8da6c935e2ca0";
        try { System.out.println("dirty addr -> " + FunctionReturnDecoder.decodeIndexedValue(dirty, new TypeReference<Address>(true){})); } catch (Exception e) { System.out.println("dirty addr threw " + e); }
        String big8 = "0x0000000000000000000000000000000000000000000000000000000000000100";
        try { System.out.println("uint8 256 -> " + FunctionReturnDecoder.decode(big8, List.of((TypeReference) new TypeReference<Uint8>(){})).get(0).toString()); } catch (Exception e) { System.out.println("uint8 threw " + e); }
        try { System.out.println("short -> " + FunctionReturnDecoder.decode("0x1234", List.of((TypeReference) new TypeReference<Uint256>(){}))); } catch (Exception e) { System.out.println("short threw " + e); }
        try { System.out.println("nonhex -> " + FunctionReturnDecoder.decode("0x" + "zz".repeat(32), List.of((TypeReference) new TypeReference<Uint256>(){}))); } catch (Exception e) { System.out.println("nonhex threw " + e); }
        try { System.out.println("new Address(2^200) -> " + new Address(java.math.BigInteger.TWO.pow(200))); } catch (Exception e) { System.out.println("Address big threw " + e); }
        String neg = "0x" + "f".repeat(64);
        System.out.println("int256 -1 -> " + FunctionReturnDecoder.decode(neg, List.of((TypeReference) new TypeReference<Int256>(){})).get(0).toString());
        System.out.println("int24 -> " + FunctionReturnDecoder.decode("0x" + "f".repeat(58) + "fd8f0", List.of((TypeReference) new TypeReference<Int24>(){})).get(0).toString());
        System.out.println(TypeEncoder.encode(new Address("0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0")));
        System.out.println(FunctionEncoder.encodeConstructor(List.of(new Uint256(5), new Uint8(2))));
        // timing
        String topic = "0x0000000000000000000000007f39c581f595b53c5cb19bd0b3f8da6c935e2ca0";
        String data = "0x000000000000000000000000000000000000000000000004233fcdb7a5a43388";
        TypeReference a = new TypeReference<Address>(true){};
        List<TypeReference<Type>> nonIdx = List.of((TypeReference) new TypeReference<Uint256>(){});
        Event ev = DefiEvents.ERC20_TRANSFER;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime(); long sink = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                Type x = FunctionReturnDecoder.decodeIndexedValue(topic, a);
                Type y = FunctionReturnDecoder.decodeIndexedValue(topic, a);
                List<Type> d = FunctionReturnDecoder.decode(data, nonIdx);
                sink += x.hashCode() + y.hashCode() + d.size();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) { sink += EventEncoder.encode(ev).length(); }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) { sink += TypeEncoder.encode(new Address("0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0")).length(); }
            long t3 = System.nanoTime();
            System.out.printf("decode transfer %.0f ns/log, EventEncoder.encode %.0f ns, TypeEncoder addr %.0f ns (%d)%n", (t1-t0)/(double)n, (t2-t1)/(double)n, (t3-t2)/(double)n, sink);
        }
    }
}
